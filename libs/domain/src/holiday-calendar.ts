import { assertIsoDate, IsoDate, isoWeekday, parseIsoDate } from './calendar-date';
import { shanghaiDate } from './due-time';
import { WorkCalendar } from './work-calendar';

/** holiday: a public holiday (法定节假日 and the rest days around it); workday: a 调休 working weekend day; local_rest: the city's own extra rest day. */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday', 'local_rest'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const isCalendarDayKind = (v: unknown): v is CalendarDayKind => (CALENDAR_DAY_KINDS as readonly unknown[]).includes(v);

/** One day that is not what its weekday says (a stored calendar_days row). */
export interface CalendarDay {
  date: IsoDate;
  kind: CalendarDayKind;
  /** 春节, 国庆节, or what the office calls its own rest day. */
  name: string;
  /** Where the day came from: chinese-days@<version>, notice, admin. */
  source: string;
}

/** A year's status (a calendar_years row): complete once the State Council's schedule for it is in. */
export interface CalendarYear {
  year: number;
  complete: boolean;
  source: string;
}

/**
 * The office's working-day calendar: Monday to Friday, minus holidays and local rest days, plus 调休
 * working weekend days, as the database holds them. A year without a complete schedule falls back
 * to Monday–Friday for the days it does not list: `coversYear` says which years are complete.
 */
export class HolidayCalendar implements WorkCalendar {
  private readonly days = new Map<IsoDate, CalendarDay>();
  private readonly complete = new Set<number>();

  constructor(days: readonly CalendarDay[], years: readonly CalendarYear[] = []) {
    for (const d of days) this.days.set(d.date, d);
    for (const y of years) if (y.complete) this.complete.add(y.year);
  }

  isWorkday(date: IsoDate): boolean {
    const day = this.days.get(date);
    if (day) return day.kind === 'workday';
    assertIsoDate(date);
    return isoWeekday(date) <= 5;
  }

  /** The stored day (holiday, 调休 workday or local rest day), or null on an ordinary day. */
  dayOf(date: IsoDate): CalendarDay | null {
    return this.days.get(date) ?? null;
  }

  coversYear(year: number): boolean {
    return this.complete.has(year);
  }
}

/** From 1 November the next year's schedule should be in (the State Council publishes it in October–December). */
export const NEXT_YEAR_DUE = { month: 11, day: 1 };

/** The year whose calendar is overdue at `now` (next year from 1 November on, when not complete), else null. */
export function missingCalendarYear(now: Date, calendar: { coversYear(year: number): boolean }): number | null {
  const { year, month } = parseIsoDate(shanghaiDate(now));
  if (month < NEXT_YEAR_DUE.month) return calendar.coversYear(year) ? null : year;
  return calendar.coversYear(year + 1) ? null : year + 1;
}

/** The shape of the chinese-days package's data file: date → "English,中文,days". */
export interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * The chinese-days data as calendar rows and complete years: the seed of a new database.
 * A year counts as covered when the data names any holiday in it.
 */
export function calendarFromChineseDays(data: ChineseDaysData, source: string): { days: CalendarDay[]; years: CalendarYear[] } {
  const name = (label: string) => label.split(',')[1] ?? label;
  const days: CalendarDay[] = [
    ...Object.entries(data.holidays).map(([date, label]) => ({ date, kind: 'holiday' as const, name: name(label), source })),
    ...Object.entries(data.workdays).map(([date, label]) => ({ date, kind: 'workday' as const, name: name(label), source })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const years = [...new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))]
    .sort((a, b) => a - b)
    .map((year) => ({ year, complete: true, source }));
  return { days, years };
}
