import { TZDate } from '@date-fns/tz';
import { assertIsoDate, dayNumber, fromDayNumber, IsoDate, parseIsoDate } from './calendar-date';

export const SHANGHAI = 'Asia/Shanghai';
export const DEFAULT_END_OF_DAY = '18:00';

/** 'HH:MM', 00:00–23:59. */
export type ClockTime = string;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** China has kept UTC+8 without daylight saving since 1992; the hot paths skip Intl for it. */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
const SHANGHAI_FIXED_SINCE_MS = Date.UTC(1992, 0, 1) - SHANGHAI_OFFSET_MS;

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** At most 1440 valid entries. */
const CLOCK_CACHE = new Map<string, number>();

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === 'string' && CLOCK.test(value);
}

/** Minutes after midnight of an 'HH:MM' clock time. */
export function clockMinutes(time: ClockTime): number {
  const known = CLOCK_CACHE.get(time);
  if (known !== undefined) return known;
  const m = CLOCK.exec(time);
  if (!m) throw new RangeError(`time must be 'HH:MM' (00:00–23:59), got ${JSON.stringify(time)}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  CLOCK_CACHE.set(time, minutes);
  return minutes;
}

/** The instant at which the wall clock in `tz` shows `date` `time`. */
export function zonedInstant(date: IsoDate, time: ClockTime, tz = SHANGHAI): Date {
  const minutes = clockMinutes(time);
  const utcMidnight = dayNumber(date) * DAY_MS;
  if (tz === SHANGHAI && utcMidnight >= SHANGHAI_FIXED_SINCE_MS) {
    return new Date(utcMidnight + minutes * 60_000 - SHANGHAI_OFFSET_MS);
  }
  const { year, month, day } = parseIsoDate(date);
  const zoned = new TZDate(year, month - 1, day, Math.floor(minutes / 60), minutes % 60, tz);
  return new Date(zoned.getTime());
}

/** A deadline date's due instant: that date at the end of the working day in `tz`. */
export function dueAtFor(deadline: IsoDate, endOfDay: ClockTime = DEFAULT_END_OF_DAY, tz = SHANGHAI): Date {
  assertIsoDate(deadline, 'deadline');
  return zonedInstant(deadline, endOfDay, tz);
}

function zoned(instant: Date, tz: string): TZDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('instant is an invalid Date');
  return new TZDate(ms, tz);
}

/** The calendar date an instant falls on in `tz` (Asia/Shanghai by default). */
export function shanghaiDate(instant: Date, tz = SHANGHAI): IsoDate {
  const ms = instant.getTime();
  if (tz === SHANGHAI && ms >= SHANGHAI_FIXED_SINCE_MS) return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
  const z = zoned(instant, tz);
  const mm = String(z.getMonth() + 1).padStart(2, '0');
  const dd = String(z.getDate()).padStart(2, '0');
  return `${String(z.getFullYear()).padStart(4, '0')}-${mm}-${dd}`;
}

/** Minutes after local midnight in `tz`. */
export function minutesOfDay(instant: Date, tz = SHANGHAI): number {
  const ms = instant.getTime();
  if (tz === SHANGHAI && ms >= SHANGHAI_FIXED_SINCE_MS) return ((ms + SHANGHAI_OFFSET_MS) % DAY_MS) / 60_000;
  const z = zoned(instant, tz);
  return z.getHours() * 60 + z.getMinutes() + z.getSeconds() / 60 + z.getMilliseconds() / 60_000;
}
