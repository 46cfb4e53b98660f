import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { AppConfigModule, AppLoggerModule } from '@app/config';
import { DatabaseModule } from '@app/persistence';
import { HeartbeatService } from './heartbeat.service';
import { WORKER_REDIS, workerRedisProvider } from './worker-redis';

@Module({
  imports: [AppConfigModule, AppLoggerModule, DatabaseModule],
  providers: [workerRedisProvider, HeartbeatService],
})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(WORKER_REDIS) private readonly redis: IORedis) {}

  async onApplicationShutdown() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
