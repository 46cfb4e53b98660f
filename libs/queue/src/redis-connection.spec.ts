import { redisOptions } from './redis-connection';

describe('redisOptions', () => {
  it('reads host, port, password and db from a redis:// URL', () => {
    expect(redisOptions('redis://:s%40cret@cache.local:6380/2')).toMatchObject({
      host: 'cache.local',
      port: 6380,
      password: 's@cret',
      db: 2,
      maxRetriesPerRequest: 1,
    });
  });

  it('turns on TLS for rediss://', () => {
    expect(redisOptions('rediss://cache.local').tls).toEqual({});
  });

  it('lists every sentinel and the master group of a redis+sentinel:// URL', () => {
    const o = redisOptions('redis+sentinel://:pw@s1:26379,s2:26380,s3/duban-master/1', true);
    expect(o.sentinels).toEqual([
      { host: 's1', port: 26379 },
      { host: 's2', port: 26380 },
      { host: 's3', port: 26379 },
    ]);
    expect(o).toMatchObject({ name: 'duban-master', password: 'pw', db: 1, maxRetriesPerRequest: null });
    expect(o.host).toBeUndefined();
  });
});
