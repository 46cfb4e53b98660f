import { UnrecoverableError } from 'bullmq';

/**
 * A job's payload as `parse` reads it (the queue's own parser, libs/queue). A payload it refuses would
 * be refused on every attempt, so the job fails at once instead of being retried.
 */
export function payloadOf<T>(parse: (data: unknown) => T, data: unknown): T {
  try {
    return parse(data);
  } catch (e) {
    throw new UnrecoverableError((e as Error).message);
  }
}
