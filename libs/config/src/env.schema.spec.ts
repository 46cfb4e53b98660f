import { ConfigError, validateEnv } from './env.schema';

describe('validateEnv', () => {
  it('fills defaults when nothing is set', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.TZ).toBe('Asia/Shanghai');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('parses a numeric PORT', () => {
    expect(validateEnv({ PORT: '8080' }).PORT).toBe(8080);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be an integer/],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL must be a redis:\/\//],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 16/],
  ])('rejects %j with one line naming the setting', (raw, message) => {
    let error: unknown;
    try {
      validateEnv(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('validateEnv integer settings', () => {
  it('reads numbers from strings and keeps defaults', () => {
    const env = validateEnv({ SWEEP_EVERY_SECONDS: '5' });
    expect(env.SWEEP_EVERY_SECONDS).toBe(5);
    expect(env.REMINDER_HORIZON_MINUTES).toBe(120);
  });

  it('names the setting that is out of range', () => {
    expect(() => validateEnv({ DELIVERY_ATTEMPTS: '0' })).toThrow(/DELIVERY_ATTEMPTS must be an integer between 1 and 20/);
  });
});

describe('validateEnv for scaled-out deployments', () => {
  it('accepts a Sentinel REDIS_URL and replica URLs', () => {
    const env = validateEnv({
      REDIS_URL: 'redis+sentinel://s1:26379,s2:26379/mymaster',
      DATABASE_REPLICA_URLS: 'postgres://ro@replica1/duban,postgres://ro@replica2/duban',
    });
    expect(env.REDIS_URL).toMatch(/^redis\+sentinel/);
  });

  it('rejects a malformed replica list', () => {
    expect(() => validateEnv({ DATABASE_REPLICA_URLS: 'replica1,replica2' })).toThrow(/DATABASE_REPLICA_URLS/);
  });
});
