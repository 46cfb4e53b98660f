import { Inject, Injectable } from '@nestjs/common';
import IORedis from 'ioredis';
import { Env } from '@app/config';
import { loginFailuresKey, loginLockKey } from '@app/queue';
import { REDIS } from '../redis/redis.module';
import { tooManyRequests } from '../common/too-many-requests';

/** How long the failure count of a (username, address) is remembered, so that the delay keeps growing. */
const MEMORY_SECONDS = 24 * 3600;
const MAX_LOCK_SECONDS = 24 * 3600;

/**
 * Wrong passwords lock a username for the address they come from, not everywhere: a guesser cannot
 * lock the admin out of their own desk. From LOGIN_MAX_FAILURES on, each further failure locks for
 * twice as long (LOGIN_LOCK_MINUTES, then 2×, 4×, … up to a day). Kept in Redis, so every API process
 * sees the same count; `npm run cli -- unlock <username>` clears it.
 */
@Injectable()
export class LoginLockout {
  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    private readonly env: Env,
  ) {}

  async assertNotLocked(username: string, address: string): Promise<void> {
    const ttl = await this.redis.ttl(loginLockKey(this.env.QUEUE_PREFIX, username, address));
    if (ttl > 0) throw this.locked(ttl);
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const failures = loginFailuresKey(this.env.QUEUE_PREFIX, username, address);
    const [[, count]] = (await this.redis.multi().incr(failures).expire(failures, MEMORY_SECONDS).exec()) as [[unknown, number], unknown];
    const beyond = count - this.env.LOGIN_MAX_FAILURES;
    if (beyond < 0) return;
    const seconds = Math.min(this.env.LOGIN_LOCK_MINUTES * 60 * 2 ** Math.min(beyond, 20), MAX_LOCK_SECONDS);
    await this.redis.set(loginLockKey(this.env.QUEUE_PREFIX, username, address), '1', 'EX', seconds);
    throw this.locked(seconds);
  }

  async clear(username: string, address: string): Promise<void> {
    await this.redis.del(loginFailuresKey(this.env.QUEUE_PREFIX, username, address), loginLockKey(this.env.QUEUE_PREFIX, username, address));
  }

  private locked(ttlSeconds: number) {
    const minutes = Math.max(1, Math.ceil(ttlSeconds / 60));
    return tooManyRequests(`too many failed logins for this username from this address; try again in ${minutes} minute(s)`, ttlSeconds);
  }
}
