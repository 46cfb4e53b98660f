/** Queue and job names are wire names stored in Redis: stable strings, never class names. */
export const QUEUES = {
  reminders: 'reminders',
  /** Slow document work (OCR of scans), apart from reminders so a 50-page scan delays no urge. */
  imports: 'imports',
} as const;

export const JOBS = {
  /** Repeating: finds reminders due within the horizon and enqueues them. */
  sweep: 'reminders.sweep',
  /** One per reminder row; jobId = reminder id. */
  deliver: 'reminders.deliver',
  /** Repeating: daily digest mails. */
  digest: 'reminders.digest',
  /** One per scanned import; jobId = ocr-<import id> (BullMQ ids may not contain ":"). */
  ocr: 'imports.ocr',
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS];

export const WORKER_HEARTBEAT_KEY = 'worker:heartbeat';
