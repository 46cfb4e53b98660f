import type IORedis from 'ioredis';

/**
 * Where wrong passwords are counted: per (username, address), so that nobody elsewhere can lock a user
 * (the admin included) out by guessing, in Redis so every API process sees the same count. The CLI's
 * unlock clears them.
 */
export const loginFailuresKey = (prefix: string, username: string, address: string) =>
  `${prefix}:login-failures:${encodeURIComponent(username.toLowerCase())}:${address}`;
export const loginLockKey = (prefix: string, username: string, address: string) =>
  `${prefix}:login-lock:${encodeURIComponent(username.toLowerCase())}:${address}`;

/** Removes every failure count and lock of a username, from every address; returns how many locks there were. */
export async function unlockLogin(redis: IORedis, prefix: string, username: string): Promise<number> {
  // encodeURIComponent leaves * alone, the one glob character left to escape in the pattern.
  const user = encodeURIComponent(username.toLowerCase()).replace(/\*/g, '\\*');
  let locks = 0;
  for (const kind of ['login-lock', 'login-failures']) {
    const stream = redis.scanStream({ match: `${prefix}:${kind}:${user}:*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length === 0) continue;
      if (kind === 'login-lock') locks += keys.length;
      await redis.del(...keys);
    }
  }
  return locks;
}
