import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Env } from '@app/config';
import { JOBS, QUEUES } from '@app/queue';

/**
 * Keeps the repeating jobs (sweep every minute, digest every morning) registered. Redis can lose
 * them (FLUSHALL, failover to an empty replica), so they are upserted again every half minute;
 * upserting an existing scheduler changes nothing.
 */
@Injectable()
export class QueueSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueSchedules.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue,
    private readonly env: Env,
  ) {}

  async onApplicationBootstrap() {
    await this.ensure();
    this.timer = setInterval(() => void this.ensure().catch((e: Error) => this.logger.warn(e.message)), 30_000);
    this.timer.unref();
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }

  async ensure() {
    await this.queue.upsertJobScheduler(
      'reminder-sweep',
      { every: this.env.SWEEP_EVERY_SECONDS * 1000 },
      { name: JOBS.sweep, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    const [hh, mm] = this.env.DIGEST_TIME.split(':').map(Number);
    await this.queue.upsertJobScheduler(
      'daily-digest',
      { pattern: `${mm} ${hh} * * *`, tz: 'Asia/Shanghai' },
      { name: JOBS.digest, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }
}
