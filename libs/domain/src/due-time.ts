import { TZDate } from '@date-fns/tz';
import { assertIsoDate, IsoDate, parseIsoDate } from './calendar-date';

export const SHANGHAI = 'Asia/Shanghai';
export const DEFAULT_END_OF_DAY = '18:00';

/** 'HH:MM', 00:00–23:59. */
export type ClockTime = string;

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === 'string' && CLOCK.test(value);
}

/** Minutes after midnight of an 'HH:MM' clock time. */
export function clockMinutes(time: ClockTime): number {
  const m = CLOCK.exec(time);
  if (!m) throw new RangeError(`time must be 'HH:MM' (00:00–23:59), got ${JSON.stringify(time)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The instant at which the wall clock in `tz` shows `date` `time`. */
export function zonedInstant(date: IsoDate, time: ClockTime, tz = SHANGHAI): Date {
  const { year, month, day } = parseIsoDate(date);
  const minutes = clockMinutes(time);
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
  const z = zoned(instant, tz);
  const mm = String(z.getMonth() + 1).padStart(2, '0');
  const dd = String(z.getDate()).padStart(2, '0');
  return `${String(z.getFullYear()).padStart(4, '0')}-${mm}-${dd}`;
}

/** Minutes after local midnight in `tz`. */
export function minutesOfDay(instant: Date, tz = SHANGHAI): number {
  const z = zoned(instant, tz);
  return z.getHours() * 60 + z.getMinutes() + z.getSeconds() / 60 + z.getMilliseconds() / 60_000;
}
