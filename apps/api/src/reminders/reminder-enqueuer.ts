import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Env } from '@app/config';
import { Db, ReminderRepository } from '@app/persistence';
import { QUEUES, ReminderJobs } from '@app/queue';

/**
 * After any commit, reminders that the change made due within the horizon go to Redis at once,
 * instead of waiting for the worker's next sweep. If Redis is down, nothing is lost: the rows stay
 * pending and the sweep enqueues them later.
 */
@Injectable()
export class ReminderEnqueuer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReminderEnqueuer.name);
  private readonly jobs: ReminderJobs;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly reminders: ReminderRepository,
    @InjectQueue(QUEUES.reminders) queue: Queue,
    private readonly env: Env,
  ) {
    this.jobs = new ReminderJobs(queue, { attempts: env.DELIVERY_ATTEMPTS, backoffMs: env.RETRY_BACKOFF_MS });
  }

  onApplicationBootstrap() {
    this.db.afterCommit(() => void this.flush());
  }

  /** Coalesces bursts: at most one flush runs, and one more follows if commits came meanwhile. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          // The commit hook runs in the finished transaction's call chain: read from the pool.
          await this.db.outsideTransaction(() => this.enqueuePending());
        } catch (e) {
          this.logger.warn(`could not enqueue new reminders now (the sweep will): ${(e as Error).message}`);
        }
      } while (this.again);
      this.running = null;
    })();
    return this.running;
  }

  private async enqueuePending() {
    const until = new Date(Date.now() + this.env.REMINDER_HORIZON_MINUTES * 60_000);
    const due = await this.reminders.pendingDueBefore(until, 5000);
    if (due.length === 0) return;
    await this.jobs.enqueue(due);
    await this.reminders.markEnqueued(due.map((d) => d.id));
  }
}
