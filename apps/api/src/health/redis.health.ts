import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import IORedis from 'ioredis';
import { WORKER_HEARTBEAT_KEY } from '@app/queue';
import { REDIS } from '../redis/redis.module';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'redis') {
    const check = this.indicator.check(key);
    try {
      await this.redis.ping();
      return check.up();
    } catch (e) {
      return check.down({ message: (e as Error).message });
    }
  }

  /** Workers refresh a heartbeat key every few seconds; none alive means nothing is delivered. */
  async workersAlive(key = 'worker', prefix: string) {
    const check = this.indicator.check(key);
    try {
      const keys = await this.redis.keys(`${prefix}:${WORKER_HEARTBEAT_KEY}:*`);
      return keys.length > 0 ? check.up({ workers: keys.length }) : check.down({ workers: 0 });
    } catch (e) {
      return check.down({ message: (e as Error).message });
    }
  }
}
