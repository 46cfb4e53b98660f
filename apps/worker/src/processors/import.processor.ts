import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { payloadOf } from './job-payload';
import { JobName, JOBS, parseOcrJobData, QUEUES } from '@app/queue';
import { ScanImportService } from '../imports/scan-import.service';

/** The imports queue: OCR of scanned plans, one page after another, one scan at a time per worker. */
@Processor(QUEUES.imports, { concurrency: 1, lockDuration: 120_000 })
export class ImportProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportProcessor.name);

  constructor(private readonly scans: ScanImportService) {
    super();
  }

  async onApplicationBootstrap() {
    const n = await this.scans.requeuePending().catch((e: Error) => {
      this.logger.warn(`could not re-enqueue waiting scans: ${e.message}`);
      return 0;
    });
    if (n) this.logger.log(`re-enqueued ${n} scan(s) waiting for OCR`);
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as JobName;
    switch (name) {
      case JOBS.ocr: {
        const data = payloadOf(parseOcrJobData, job.data);
        return { outcome: await this.scans.run(data.importId) };
      }
      case JOBS.sweep:
      case JOBS.deliver:
      case JOBS.digest:
        throw new UnrecoverableError(`${name} belongs to the reminders queue`);
      default: {
        const never: never = name;
        throw new UnrecoverableError(`no handler for job ${String(never)}`);
      }
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error) {
    this.logger.warn(`job ${job?.name} ${job?.id} attempt ${job?.attemptsMade} failed: ${error.message}`);
    const last = job && job.attemptsMade >= (job.opts.attempts ?? 1);
    if (job?.name === JOBS.ocr && last) await this.scans.giveUp(parseOcrJobData(job.data).importId, error).catch(() => undefined);
  }
}
