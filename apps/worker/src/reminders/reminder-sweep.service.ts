import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Env } from '@app/config';
import { DueReminder, ReminderRepository } from '@app/persistence';
import { QUEUES, ReminderJobs } from '@app/queue';

const BATCH = 1000;

/**
 * The safety net: every minute, whatever is due within the horizon goes (back) into Redis.
 * BullMQ ignores a job id it already holds, so re-adding is harmless; after a Redis loss it
 * rebuilds the near future from the database. Past-due rows (the worker was down) go at once.
 */
@Injectable()
export class ReminderSweepService {
  private readonly logger = new Logger(ReminderSweepService.name);
  private readonly jobs: ReminderJobs;

  constructor(
    private readonly reminders: ReminderRepository,
    @InjectQueue(QUEUES.reminders) queue: Queue,
    private readonly env: Env,
  ) {
    this.jobs = new ReminderJobs(queue, { attempts: env.DELIVERY_ATTEMPTS, backoffMs: env.RETRY_BACKOFF_MS });
  }

  async sweep(now = new Date()): Promise<number> {
    const until = new Date(now.getTime() + this.env.REMINDER_HORIZON_MINUTES * 60_000);
    let total = 0;
    let cursor: DueReminder | null = null;
    for (;;) {
      const due = await this.reminders.dueBefore(until, BATCH, cursor);
      await this.jobs.enqueue(due, now.getTime());
      await this.reminders.markEnqueued(due.map((d) => d.id));
      total += due.length;
      if (due.length < BATCH) break;
      cursor = due[due.length - 1];
    }
    if (total) this.logger.log(`sweep: ${total} reminders due before ${until.toISOString()} are in the queue`);
    return total;
  }
}
