import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError, WorkerOptions } from 'bullmq';
import { Env } from '@app/config';
import { payloadOf } from './job-payload';
import { JobName, JOBS, parseDeliverJobData, QUEUES } from '@app/queue';
import { DigestService } from '../reminders/digest.service';
import { CalendarWatch } from '../reminders/calendar-watch.service';
import { ReminderDeliveryService } from '../reminders/reminder-delivery.service';
import { ReminderSweepService } from '../reminders/reminder-sweep.service';

/**
 * The reminders worker's BullMQ options. The decorator keeps this very object and @nestjs/bullmq reads
 * it when it creates the worker (its onModuleInit), after every constructor has run: the constructor
 * below fills in the configured timings, which a static decorator argument could not know.
 */
const WORKER_OPTIONS: Partial<WorkerOptions> = {};

/** One processor for the reminders queue; it dispatches on the job's stable wire name. */
@Processor(QUEUES.reminders, WORKER_OPTIONS)
export class ReminderProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReminderProcessor.name);

  constructor(
    private readonly sweeper: ReminderSweepService,
    private readonly delivery: ReminderDeliveryService,
    private readonly digests: DigestService,
    private readonly calendarWatch: CalendarWatch,
    private readonly env: Env,
  ) {
    super();
    const stalledMs = env.WORKER_STALLED_SECONDS * 1000;
    Object.assign(WORKER_OPTIONS, { lockDuration: stalledMs, stalledInterval: stalledMs });
  }

  /** The decorator's options are static; the configured concurrency is applied once the worker exists. */
  onApplicationBootstrap() {
    this.worker.concurrency = this.env.WORKER_CONCURRENCY;
    const stalledMs = this.env.WORKER_STALLED_SECONDS * 1000;
    if (this.worker.opts.stalledInterval !== stalledMs || this.worker.opts.lockDuration !== stalledMs) {
      throw new Error(`the reminders worker did not take WORKER_STALLED_SECONDS (${this.env.WORKER_STALLED_SECONDS})`);
    }
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as JobName;
    switch (name) {
      case JOBS.sweep:
        return { enqueued: await this.sweeper.sweep() };
      case JOBS.deliver: {
        const data = payloadOf(parseDeliverJobData, job.data);
        const isLast = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        return { outcome: await this.delivery.deliver(data.reminderId, { isLast }) };
      }
      case JOBS.digest: {
        // The morning job also looks at next year's calendar: one notice, not one a minute.
        const calendarNotices = await this.calendarWatch.check();
        return { sent: await this.digests.sendAll(), calendarNotices };
      }
      case JOBS.ocr:
        throw new UnrecoverableError('OCR jobs belong to the imports queue');
      default: {
        const never: never = name;
        throw new UnrecoverableError(`no handler for job ${String(never)}`);
      }
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    this.logger.warn(`job ${job?.name} ${job?.id} attempt ${job?.attemptsMade} failed: ${error.message}`);
  }
}
