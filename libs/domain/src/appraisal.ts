import { diffDays } from './calendar-date';
import { shanghaiDate } from './due-time';
import { WorkCalendar, workdaysBetween } from './work-calendar';

export interface AppraisalInput {
  /** The deadline the plan set (原定时限). */
  originalDueAt: Date;
  /** The deadline after approved extensions (延期后时限). */
  currentDueAt: Date;
  /** When the extension that produced currentDueAt was approved. */
  extensionApprovedAt?: Date | null;
  completedAt?: Date | null;
  now: Date;
  /** Given, workdaysLate is counted too. */
  calendar?: WorkCalendar;
}

export interface AppraisalLateness {
  late: boolean;
  /** Calendar days from the counted deadline's date to the completion (or today's) date in Shanghai. */
  daysLate: number;
  workdaysLate: number | null;
  /** Which deadline lateness was measured against. */
  basis: 'original' | 'extended';
  countedDueAt: Date;
}

/**
 * Lateness for appraisal (考核): measured against the original deadline, unless an extension
 * was approved before the original deadline passed (an extension granted after the fact does
 * not clear the lateness). An open item is measured at `now`.
 */
export function appraisalLateness(input: AppraisalInput): AppraisalLateness {
  const { originalDueAt, currentDueAt, extensionApprovedAt, completedAt, now, calendar } = input;
  const extendedInTime = extensionApprovedAt != null && extensionApprovedAt.getTime() <= originalDueAt.getTime();
  const countedDueAt = extendedInTime ? currentDueAt : originalDueAt;
  const basis = extendedInTime ? 'extended' : 'original';
  const at = completedAt ?? now;
  if (at.getTime() <= countedDueAt.getTime()) {
    return { late: false, daysLate: 0, workdaysLate: calendar ? 0 : null, basis, countedDueAt };
  }
  const from = shanghaiDate(countedDueAt);
  const to = shanghaiDate(at);
  return {
    late: true,
    daysLate: diffDays(from, to),
    workdaysLate: calendar ? workdaysBetween(calendar, from, to) : null,
    basis,
    countedDueAt,
  };
}
