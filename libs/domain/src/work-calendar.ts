import { addDays, assertIsoDate, compareIsoDates, IsoDate, isoWeekday } from './calendar-date';

/** Which Asia/Shanghai calendar dates are working days. */
export interface WorkCalendar {
  isWorkday(date: IsoDate): boolean;
}

/** Guards the walking helpers against a calendar that has no working days at all. */
const MAX_SCAN_DAYS = 3_700;

/** Monday to Friday, no holidays: for tests. The office's calendar is a HolidayCalendar (holiday-calendar.ts). */
export const WEEKDAY_CALENDAR: WorkCalendar = {
  isWorkday(date: IsoDate): boolean {
    assertIsoDate(date);
    return isoWeekday(date) <= 5;
  },
};

/**
 * The `n`th working day after `date` (n > 0) or before it (n < 0); `date` itself is not counted.
 * n = 0 returns `date` unchanged, working day or not.
 */
export function addWorkdays(calendar: WorkCalendar, date: IsoDate, n: number): IsoDate {
  assertIsoDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`workdays must be an integer, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  let scanned = 0;
  while (remaining > 0) {
    current = addDays(current, step);
    if (calendar.isWorkday(current)) remaining--;
    if (++scanned > MAX_SCAN_DAYS + Math.abs(n) * 7) throw new Error(`no working days found near ${date}`);
  }
  return current;
}

export function previousWorkdayOnOrBefore(calendar: WorkCalendar, date: IsoDate): IsoDate {
  return calendar.isWorkday(date) ? date : addWorkdays(calendar, date, -1);
}

export function nextWorkdayOnOrAfter(calendar: WorkCalendar, date: IsoDate): IsoDate {
  return calendar.isWorkday(date) ? date : addWorkdays(calendar, date, 1);
}

/**
 * Signed working-day steps from `a` to `b`, as addWorkdays walks them: forward it counts the
 * working days in (a, b], backward it counts those in [b, a) and negates. So
 * `workdaysBetween(cal, a, addWorkdays(cal, a, n)) === n` for every n.
 */
export function workdaysBetween(calendar: WorkCalendar, a: IsoDate, b: IsoDate): number {
  assertIsoDate(a);
  assertIsoDate(b);
  const order = compareIsoDates(a, b);
  if (order === 0) return 0;
  let count = 0;
  if (order < 0) {
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (calendar.isWorkday(d)) count++;
    return count;
  }
  for (let d = b; d < a; d = addDays(d, 1)) if (calendar.isWorkday(d)) count++;
  return count === 0 ? 0 : -count;
}
