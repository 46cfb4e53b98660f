import { addDays, assertIsoDate, compareIsoDates, IsoDate, isoWeekday } from './calendar-date';

/** Which Asia/Shanghai calendar dates are working days. */
export interface WorkCalendar {
  isWorkday(date: IsoDate): boolean;
}

/** Guards the walking helpers against a calendar that has no working days at all. */
const MAX_SCAN_DAYS = 3_700;

/** Monday to Friday, no holidays: for tests and for years no holiday data covers. */
export const WEEKDAY_CALENDAR: WorkCalendar = {
  isWorkday(date: IsoDate): boolean {
    assertIsoDate(date);
    return isoWeekday(date) <= 5;
  },
};

interface HolidayData {
  /** 'YYYY-MM-DD' → "National Day,国庆节,3": days off, including the weekend days inside a holiday. */
  holidays: Record<string, string>;
  /** 'YYYY-MM-DD' → name: weekend days that are 调休 make-up workdays. */
  workdays: Record<string, string>;
}

// The package's own data file. Its isWorkday() formats dates with the host's local clock and
// answers wrongly on hosts west of UTC, so the lookup below is done here on date strings.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CHINESE_DAYS: HolidayData = require('chinese-days/dist/chinese-days.json');

/**
 * Chinese public holidays and 调休 make-up workdays from the chinese-days package
 * (2004 up to the year the installed version was published: check `coversYear`).
 * Years it does not cover fall back to Monday–Friday, as the package itself does;
 * upgrade the package each December when the State Council publishes the next year.
 */
export class ChineseWorkCalendar implements WorkCalendar {
  private readonly years: ReadonlySet<number>;

  constructor(private readonly data: HolidayData = CHINESE_DAYS) {
    this.years = new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));
  }

  isWorkday(date: IsoDate): boolean {
    if (this.data.workdays[date] !== undefined) return true;
    if (this.data.holidays[date] !== undefined) return false;
    return isoWeekday(date) <= 5; // validates the date
  }

  /** The holiday or make-up workday name ("National Day,国庆节,3"), or null on an ordinary day. */
  specialDay(date: IsoDate): string | null {
    return this.data.workdays[date] ?? this.data.holidays[date] ?? null;
  }

  /** True when the package has holiday data for `year`. */
  coversYear(year: number): boolean {
    return this.years.has(year);
  }
}

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
