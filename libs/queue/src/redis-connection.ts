import type { ConnectionOptions } from 'bullmq';
import IORedis, { RedisOptions } from 'ioredis';

/**
 * Sentinel URLs name every sentinel and the master group:
 * redis+sentinel://[user:password@]host1:26379,host2:26379/mymaster[/db]
 */
const SENTINEL_URL = /^redis\+sentinel:\/\/(?:([^:@/]*):([^@/]*)@)?([^/]+)\/([^/?]+)(?:\/(\d+))?$/;

/**
 * ioredis options for a redis://, rediss:// or redis+sentinel:// URL. Workers must not give up on a
 * command while Redis restarts or fails over (BullMQ requires maxRetriesPerRequest: null).
 */
export function redisOptions(url: string, forWorker = false): RedisOptions {
  const common = { maxRetriesPerRequest: forWorker ? null : 1, enableOfflineQueue: forWorker, lazyConnect: true };
  const sentinel = SENTINEL_URL.exec(url);
  if (sentinel) {
    const [, username, password, hosts, name, db] = sentinel;
    return {
      ...common,
      sentinels: hosts.split(',').map((h) => {
        const [host, port] = h.split(':');
        return { host, port: port ? Number(port) : 26379 };
      }),
      name: decodeURIComponent(name),
      username: username ? decodeURIComponent(username) : undefined,
      password: password ? decodeURIComponent(password) : undefined,
      db: db ? Number(db) : 0,
    };
  }
  const u = new URL(url);
  return {
    ...common,
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname && u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

export function createRedis(url: string, forWorker = false): IORedis {
  return new IORedis(redisOptions(url, forWorker));
}

/** A Redis that may evict keys would silently drop queued reminders. */
export async function assertNoEviction(redis: IORedis): Promise<void> {
  const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
  const policy = reply[1];
  if (policy && policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is "${policy}"; Duban needs "noeviction" so queued reminders are never evicted ` +
        `(run: redis-cli CONFIG SET maxmemory-policy noeviction, and set it in redis.conf)`,
    );
  }
}

/** Connects or fails with one line naming the URL (no retry storm at startup). */
export async function connectRedisOrFail(url: string, forWorker = false): Promise<IORedis> {
  const redis = createRedis(url, forWorker);
  redis.on('error', () => undefined); // reported through the failed connect below and health checks
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (e) {
    redis.disconnect();
    throw new Error(`cannot reach Redis at REDIS_URL=${url}: ${(e as Error).message}`, { cause: e });
  }
}

/** The same options typed for BullMQ (its RedisOptions mirrors ioredis' loosely). */
export const bullConnection = (url: string): ConnectionOptions => redisOptions(url, true) as ConnectionOptions;

/**
 * Checked before the app starts: with Redis down, BullMQ's and ioredis' own retry noise would
 * bury the one line that says what is wrong.
 */
export async function preflightRedis(url: string, opts: { requireNoEviction?: boolean } = {}): Promise<void> {
  const redis = await connectRedisOrFail(url);
  try {
    if (opts.requireNoEviction) await assertNoEviction(redis);
  } finally {
    redis.disconnect();
  }
}
