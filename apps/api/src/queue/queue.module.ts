import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { Env } from '@app/config';
import { bullConnection, QUEUES } from '@app/queue';

/** The API only produces jobs; the worker consumes them. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({ connection: bullConnection(env.REDIS_URL), prefix: env.QUEUE_PREFIX }),
    }),
    BullModule.registerQueue({ name: QUEUES.reminders }),
    BullModule.registerQueue({ name: QUEUES.imports }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
