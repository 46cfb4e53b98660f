import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import IORedis from 'ioredis';
import { AppConfigModule, AppLoggerModule, Env } from '@app/config';
import { Mailer } from '@app/notifications';
import { ApplicationModule } from '@app/application';
import { DatabaseModule } from '@app/persistence';
import { StorageModule } from '@app/storage';
import { bullConnection, QUEUES } from '@app/queue';
import { HeartbeatService } from './heartbeat.service';
import { ImportProcessor } from './processors/import.processor';
import { ReminderProcessor } from './processors/reminder.processor';
import { ScanImportService } from './imports/scan-import.service';
import { DigestService } from './reminders/digest.service';
import { CalendarWatch } from './reminders/calendar-watch.service';
import { MAILER, mailerProvider } from './reminders/mailer.provider';
import { QueueSchedules } from './reminders/queue-schedules.service';
import { ReminderDeliveryService } from './reminders/reminder-delivery.service';
import { ReminderSweepService } from './reminders/reminder-sweep.service';
import { WORKER_REDIS, workerRedisProvider } from './worker-redis';

@Module({
  imports: [
    AppConfigModule,
    AppLoggerModule,
    DatabaseModule,
    BullModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({ connection: bullConnection(env.REDIS_URL), prefix: env.QUEUE_PREFIX }),
    }),
    BullModule.registerQueue({ name: QUEUES.reminders }),
    BullModule.registerQueue({ name: QUEUES.imports }),
    ApplicationModule,
    StorageModule,
  ],
  providers: [
    workerRedisProvider,
    HeartbeatService,
    mailerProvider,
    ReminderSweepService,
    ReminderDeliveryService,
    DigestService,
    CalendarWatch,
    QueueSchedules,
    ReminderProcessor,
    ScanImportService,
    ImportProcessor,
  ],
})
export class WorkerModule implements OnApplicationShutdown {
  constructor(
    @Inject(WORKER_REDIS) private readonly redis: IORedis,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  async onApplicationShutdown() {
    await this.mailer.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
