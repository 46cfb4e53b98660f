import { DeadlineContext, detectRecurrence, parseDeadline } from './deadlines';
import type { Recurrence } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DeadlineInput {
  /** The calendar date it falls due (Asia/Shanghai). */
  date: string;
  /** The words as typed, kept beside the date; null for a plain ISO date. */
  text: string | null;
  recurrence: Recurrence | null;
}

/**
 * A deadline as a person types it: an ISO date, or the words a document uses ("9月底前", "三季度",
 * "2025年底", "每季度") read in the plan's year. Null when it is neither.
 */
export function readDeadlineInput(raw: string, ctx: DeadlineContext): DeadlineInput | null {
  const text = raw.trim();
  if (ISO_DATE.test(text)) {
    const [y, m, d] = text.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === text ? { date: text, text: null, recurrence: null } : null;
  }
  const parsed = text ? parseDeadline(text, ctx) : null;
  return parsed ? { date: parsed.date, text, recurrence: parsed.recurrence } : null;
}

const RECURRENCES: readonly Recurrence[] = ['monthly', 'quarterly', 'yearly'];

/** A recurrence as a code (monthly/quarterly/yearly) or in words ("每月", "一季度一汇总", "每年"); null when neither. */
export function readRecurrenceInput(raw: string): Recurrence | null {
  const text = raw.trim();
  return (RECURRENCES as readonly string[]).includes(text) ? (text as Recurrence) : detectRecurrence(text);
}
