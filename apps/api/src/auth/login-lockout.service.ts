import { Inject, Injectable } from '@nestjs/common';
import IORedis from 'ioredis';
import { Env } from '@app/config';
import { REDIS } from '../redis/redis.module';
import { tooManyRequests } from '../common/too-many-requests';

/**
 * Repeated wrong passwords lock a username for a while, whichever address they come from
 * (per-address limits alone do not stop a slow distributed guess). Counted in Redis so every API
 * process sees the same count.
 */
@Injectable()
export class LoginLockout {
  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    private readonly env: Env,
  ) {}

  private key(username: string) {
    return `${this.env.QUEUE_PREFIX}:login-failures:${username.toLowerCase()}`;
  }

  async assertNotLocked(username: string): Promise<void> {
    const [count, ttl] = await Promise.all([this.redis.get(this.key(username)), this.redis.ttl(this.key(username))]);
    if (Number(count ?? 0) >= this.env.LOGIN_MAX_FAILURES) throw this.locked(ttl);
  }

  async recordFailure(username: string): Promise<void> {
    const key = this.key(username);
    const count = await this.redis.incr(key);
    // The window starts at the first failure and is renewed when the lock engages.
    if (count === 1 || count >= this.env.LOGIN_MAX_FAILURES) await this.redis.expire(key, this.env.LOGIN_LOCK_MINUTES * 60);
    if (count >= this.env.LOGIN_MAX_FAILURES) throw this.locked(this.env.LOGIN_LOCK_MINUTES * 60);
  }

  async clear(username: string): Promise<void> {
    await this.redis.del(this.key(username));
  }

  private locked(ttlSeconds: number) {
    const minutes = Math.max(1, Math.ceil(ttlSeconds / 60));
    return tooManyRequests(`too many failed logins for this username; try again in ${minutes} minute(s)`, ttlSeconds);
  }
}
