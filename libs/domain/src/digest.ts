import { diffDays } from './calendar-date';
import { shanghaiDate } from './due-time';
import { TaskStatus } from './task-state';
import { isOverdue } from './traffic-light';

export interface DigestItem {
  taskId: string;
  title: string;
  planTitle: string;
  dueAt: Date;
  status: TaskStatus;
}

export interface Digest<T extends DigestItem = DigestItem> {
  /** Due later today (Asia/Shanghai date) and not yet passed. */
  dueToday: T[];
  /** Due on one of the next `soonDays` calendar days (default 7). */
  dueSoon: T[];
  /** Deadline passed, not done (see isOverdue). */
  overdue: T[];
}

export const DEFAULT_DIGEST_SOON_DAYS = 7;

const SKIPPED: readonly TaskStatus[] = ['completed', 'cancelled', 'suspended'];

/** One daily digest for a user: their items by urgency, each list by deadline; null when there is nothing to say. */
export function buildDigest<T extends DigestItem>(
  items: readonly T[],
  now: Date,
  opts: { soonDays?: number } = {},
): Digest<T> | null {
  const soonDays = opts.soonDays ?? DEFAULT_DIGEST_SOON_DAYS;
  const today = shanghaiDate(now);
  const digest: Digest<T> = { dueToday: [], dueSoon: [], overdue: [] };
  for (const item of items) {
    if (SKIPPED.includes(item.status)) continue;
    if (isOverdue({ dueAt: item.dueAt, now, status: item.status })) {
      digest.overdue.push(item);
      continue;
    }
    const days = diffDays(today, shanghaiDate(item.dueAt));
    if (days === 0) digest.dueToday.push(item);
    else if (days <= soonDays) digest.dueSoon.push(item);
  }
  const byDeadline = (a: T, b: T) => a.dueAt.getTime() - b.dueAt.getTime() || a.taskId.localeCompare(b.taskId);
  digest.dueToday.sort(byDeadline);
  digest.dueSoon.sort(byDeadline);
  digest.overdue.sort(byDeadline);
  return digest.dueToday.length || digest.dueSoon.length || digest.overdue.length ? digest : null;
}
