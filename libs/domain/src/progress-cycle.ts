import { addDays, daysInMonth, formatIsoDate, IsoDate, isoWeekday, parseIsoDate } from './calendar-date';

/**
 * How often each responsible unit reports progress (as 督办 offices ask: 每周五, 每月25日, 每季度末).
 * weekday: ISO 1 = Monday … 7 = Sunday. day: 1–31, clamped to the month's last day.
 * quarterly: the last day of March, June, September and December.
 */
export type ProgressCycle =
  | { kind: 'weekly'; weekday: number }
  | { kind: 'monthly'; day: number }
  | { kind: 'quarterly' };

export function progressCycleError(cycle: unknown): string | null {
  if (typeof cycle !== 'object' || cycle === null) return 'progress cycle must be an object';
  const c = cycle as Record<string, unknown>;
  switch (c.kind) {
    case 'weekly':
      return Number.isInteger(c.weekday) && (c.weekday as number) >= 1 && (c.weekday as number) <= 7
        ? null
        : 'weekday must be 1 (Monday) to 7 (Sunday)';
    case 'monthly':
      return Number.isInteger(c.day) && (c.day as number) >= 1 && (c.day as number) <= 31 ? null : 'day must be 1 to 31';
    case 'quarterly':
      return null;
    default:
      return 'kind must be weekly, monthly or quarterly';
  }
}

/** The cycle's nominal dates in [from, to], ascending (before any working-day adjustment). */
export function cycleDates(cycle: ProgressCycle, from: IsoDate, to: IsoDate): IsoDate[] {
  const error = progressCycleError(cycle);
  if (error) throw new RangeError(error);
  const out: IsoDate[] = [];
  if (from > to) return out;
  if (cycle.kind === 'weekly') {
    let d = addDays(from, (cycle.weekday - isoWeekday(from) + 7) % 7);
    for (; d <= to; d = addDays(d, 7)) out.push(d);
    return out;
  }
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  for (let y = start.year, m = start.month; y < end.year || (y === end.year && m <= end.month); m === 12 ? (y++, (m = 1)) : m++) {
    let d: IsoDate | null = null;
    if (cycle.kind === 'monthly') d = formatIsoDate(y, m, Math.min(cycle.day, daysInMonth(y, m)));
    else if (m % 3 === 0) d = formatIsoDate(y, m, daysInMonth(y, m));
    if (d !== null && d >= from && d <= to) out.push(d);
  }
  return out;
}
