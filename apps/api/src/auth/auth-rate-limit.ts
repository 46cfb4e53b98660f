import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import IORedis from 'ioredis';
import { Env } from '@app/config';
import { REDIS } from '../redis/redis.module';
import { tooManyRequests } from '../common/too-many-requests';

const WINDOW_SECONDS = 60;

/**
 * AUTH_RATE_LIMIT password attempts per address and minute, counted in Redis so that every API
 * process shares the count (an in-memory counter lets each process add its own allowance).
 */
@Injectable()
export class AuthRateLimit {
  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    private readonly env: Env,
  ) {}

  async hit(address: string): Promise<void> {
    const key = `${this.env.QUEUE_PREFIX}:auth-rate:${address}`;
    // The window starts with the first attempt; INCR keeps the expiry SET gave it.
    const [, [, count], [, ttl]] = (await this.redis.multi().set(key, 0, 'EX', WINDOW_SECONDS, 'NX').incr(key).ttl(key).exec()) as [unknown, [unknown, number], [unknown, number]];
    if (count > this.env.AUTH_RATE_LIMIT) throw tooManyRequests('too many attempts from this address; try again later', ttl > 0 ? ttl : WINDOW_SECONDS);
  }
}

/** The rate limit on the credential endpoints (/auth/login, /auth/refresh, /auth/session/*). */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(private readonly limit: AuthRateLimit) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    await this.limit.hit(clientAddress(ctx.switchToHttp().getRequest<Request>()));
    return true;
  }
}

export const clientAddress = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';
