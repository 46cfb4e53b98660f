import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { Env } from '@app/config';
import { connectRedisOrFail } from '@app/queue';

export const REDIS = Symbol('REDIS');

/** The API's own Redis connection (health, throttling, enqueueing). */
@Global()
@Module({
  providers: [{ provide: REDIS, inject: [Env], useFactory: (env: Env) => connectRedisOrFail(env.REDIS_URL) }],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: IORedis) {}

  async onApplicationShutdown() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
