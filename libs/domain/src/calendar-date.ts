/**
 * Calendar dates as 'YYYY-MM-DD' strings (Asia/Shanghai calendar days in this project).
 * Arithmetic is done on UTC midnights so it never depends on the host time zone.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// Schedules walk the same few thousand dates over and over; remembering them keeps
// validation and formatting off the hot path. Bounded so a long-running process cannot grow them forever.
const CACHE_LIMIT = 200_000;
const dayNumbers = new Map<string, number>();
const dayStrings = new Map<number, IsoDate>();


export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  if (dayNumbers.has(value)) return true;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function assertIsoDate(value: unknown, name = 'date'): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`${name} must be a calendar date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  }
}

/** Days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  assertIsoDate(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(Math.round(Date.UTC(year, month - 1, day) / DAY_MS));
}

/** Days since 1970-01-01 of a calendar date (validated; throws on a malformed one). */
export function dayNumber(date: IsoDate): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    const { year, month, day } = parseIsoDate(date);
    n = Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
    if (dayNumbers.size < CACHE_LIMIT) dayNumbers.set(date, n);
  }
  return n;
}

/** The calendar date `n` days after 1970-01-01. */
export function fromDayNumber(n: number): IsoDate {
  let s = dayStrings.get(n);
  if (s === undefined) {
    s = new Date(n * DAY_MS).toISOString().slice(0, 10);
    if (dayStrings.size < CACHE_LIMIT) dayStrings.set(n, s);
  }
  return s;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
