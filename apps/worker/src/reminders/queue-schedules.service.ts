import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Env } from '@app/config';
import { JOBS, QUEUES } from '@app/queue';

/**
 * Keeps the repeating jobs (sweep every minute, digest every morning) registered. Redis can lose
 * them (FLUSHALL, failover to an empty replica), so they are looked for once per sweep interval
 * (at most every 30 s) and registered again when missing. Upserting an existing scheduler would
 * reset its next run, so a present one is left alone.
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
    const every = Math.min(30_000, Math.max(1_000, this.env.SWEEP_EVERY_SECONDS * 1000));
    this.timer = setInterval(() => void this.ensureMissing().catch((e: Error) => this.logger.warn(e.message)), every);
    this.timer.unref();
  }

  /** Registers the schedulers again if Redis lost them. */
  async ensureMissing() {
    const [sweep, digest] = await Promise.all([
      this.queue.getJobScheduler('reminder-sweep'),
      this.queue.getJobScheduler('daily-digest'),
    ]);
    if (sweep && digest) return;
    this.logger.warn('the repeating sweep/digest jobs were missing from Redis (flushed?); registering them again');
    await this.ensure();
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
