import { JobsOptions, Queue } from 'bullmq';
import { uuidPayload } from './job-payload';
import { JOBS } from './queue-names';

/** Payload of an OCR job: only the import's id; the import row holds everything else. */
export interface OcrJobData {
  importId: string;
}

export function parseOcrJobData(data: unknown): OcrJobData {
  return uuidPayload(data, 'importId', 'OCR');
}

/**
 * Queues the OCR of a scanned import. The job id is derived from the import, so the upload and a
 * worker's re-enqueue at start add it once.
 */
export async function enqueueOcr(queue: Queue, importId: string): Promise<void> {
  const opts: JobsOptions = {
    jobId: `ocr-${importId}`,
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: true,
    removeOnFail: true,
  };
  await queue.add(JOBS.ocr, { importId } satisfies OcrJobData, opts);
}
