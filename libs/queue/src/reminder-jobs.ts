import { JobsOptions, Queue } from 'bullmq';
import { uuidPayload } from './job-payload';
import { JOBS } from './queue-names';

/** Payload of a delivery job. It lives in Redis across deploys: keep it tiny and check it on arrival. */
export interface DeliverJobData {
  reminderId: string;
}

export function parseDeliverJobData(data: unknown): DeliverJobData {
  return uuidPayload(data, 'reminderId', 'delivery');
}

export interface DeliveryOptions {
  attempts: number;
  /** First retry after this many ms, doubling each time. */
  backoffMs: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = { attempts: 5, backoffMs: 30_000 };

export interface EnqueuedReminder {
  id: string;
  dueAt: Date;
  /** The attempt whose worker died holding the reminder (its lease ran out). */
  retryOf?: number;
}

/**
 * The reminder id; for a takeover after a dead worker, the id and the dead attempt: that worker's
 * job may still be 'active' in Redis until BullMQ's stall check, and would swallow a same-id add.
 * Deterministic, so two sweeps still add the takeover once.
 */
export function reminderJobId(r: EnqueuedReminder): string {
  return r.retryOf === undefined ? r.id : `${r.id}-r${r.retryOf}`;
}

/**
 * Puts reminders into Redis as delayed jobs whose id is the reminder id, so adding the same
 * reminder twice (the change, then the sweep; or two workers sweeping) is a no-op in BullMQ.
 */
export class ReminderJobs {
  constructor(
    private readonly queue: Queue,
    private readonly options: DeliveryOptions = DEFAULT_DELIVERY_OPTIONS,
  ) {}

  async enqueue(reminders: EnqueuedReminder[], now = Date.now()): Promise<void> {
    if (reminders.length === 0) return;
    const opts = (r: EnqueuedReminder): JobsOptions => ({
      jobId: reminderJobId(r),
      delay: Math.max(0, r.dueAt.getTime() - now),
      attempts: this.options.attempts,
      backoff: { type: 'exponential', delay: this.options.backoffMs },
      // The database keeps the history; Redis keeps only what is still to do.
      removeOnComplete: true,
      removeOnFail: true,
    });
    await this.queue.addBulk(
      reminders.map((r) => ({ name: JOBS.deliver, data: { reminderId: r.id } satisfies DeliverJobData, opts: opts(r) })),
    );
  }
}
