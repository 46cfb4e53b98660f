import { Injectable } from '@nestjs/common';
import {
  CalendarDay,
  CalendarDayKind,
  isCalendarDayKind,
  isIsoDate,
  isoWeekday,
  missingCalendarYear,
  NoticeError,
  NoticeReading,
  readHolidayNotice,
} from '@app/domain';
import { Actor, Journal, UnitOfWork, WorkCalendarRepository } from '@app/persistence';

/** A change that cannot be made; `problems` names each in Chinese and nothing was written. */
export class CalendarChangeError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('；'));
  }
}

export interface CalendarDayInput {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface CalendarYearView {
  year: number;
  /** True once the year's State Council schedule is in (seeded, imported or marked by an admin). */
  complete: boolean;
  source: string | null;
  days: CalendarDay[];
}

export interface CalendarChangeResult {
  added: CalendarDay[];
  removed: CalendarDay[];
  /** Open items whose reminders were planned again on the changed calendar. */
  replanned: number;
}

const yearOf = (date: string) => Number(date.slice(0, 4));
/** A calendar date the calendar can hold (calendar_years accepts 1900–2999). */
const isCalendarDate = (d: string) => isIsoDate(d) && yearOf(d) >= 1900 && yearOf(d) <= 2999;

/** Checks one day to add: a 调休 workday must fall on a weekend, a rest day on a weekday. */
function dayProblem(d: CalendarDayInput, i: number): string | null {
  const at = `第 ${i + 1} 天`;
  if (!isCalendarDate(d.date)) return `${at}：日期「${d.date}」应为 1900–2999 年的 YYYY-MM-DD`;
  if (!isCalendarDayKind(d.kind)) return `${at}（${d.date}）：类型「${d.kind}」应为 holiday、workday 或 local_rest`;
  if (!d.name?.trim() || d.name.length > 50) return `${at}（${d.date}）：名称应为 1–50 个字`;
  const weekend = isoWeekday(d.date) >= 6;
  if (d.kind === 'workday' && !weekend) return `${at}：${d.date} 是工作日，不必设为调休上班`;
  if (d.kind === 'local_rest' && weekend) return `${at}：${d.date} 是周末，本来就休息`;
  return null;
}

/**
 * The office's working-day calendar (API and CLI): read a year, add or remove days, import the
 * State Council's notice. Every change re-plans every open item's reminders in the same transaction;
 * lights are computed on read from the calendar, so they follow at once.
 */
@Injectable()
export class WorkCalendarService {
  constructor(
    private readonly calendars: WorkCalendarRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
  ) {}

  async year(year: number): Promise<CalendarYearView> {
    const { year: y, days } = await this.calendars.year(year);
    return { year, complete: y?.complete ?? false, source: y?.source ?? null, days };
  }

  /** The year whose calendar is overdue (next year from 1 November), or null. */
  async missingYear(now = new Date()): Promise<number | null> {
    return missingCalendarYear(now, await this.calendars.current());
  }

  /** Adds (or replaces) and removes days in one transaction; refuses the whole change on any bad day. */
  async change(actor: Actor, change: { add?: CalendarDayInput[]; remove?: string[] }): Promise<CalendarChangeResult> {
    const add = change.add ?? [];
    const remove = change.remove ?? [];
    const problems = add.map(dayProblem).filter((p): p is string => p !== null);
    remove.forEach((d, i) => {
      if (!isCalendarDate(d)) problems.push(`删除的第 ${i + 1} 个日期「${d}」应为 1900–2999 年的 YYYY-MM-DD`);
    });
    const both = add.filter((d) => remove.includes(d.date)).map((d) => d.date);
    if (both.length) problems.push(`${both.join('、')} 既要添加又要删除`);
    const twice = add.map((d) => d.date).filter((d, i, all) => all.indexOf(d) !== i);
    if (twice.length) problems.push(`${[...new Set(twice)].join('、')} 添加了不止一次`);
    if (!add.length && !remove.length) problems.push('没有要添加或删除的日期');
    if (problems.length) throw new CalendarChangeError(problems);

    return this.uow.run(async () => {
      const present = await this.calendars.daysOn(remove);
      const missing = remove.filter((d) => !present.some((p) => p.date === d));
      if (missing.length) throw new CalendarChangeError([`日历中没有 ${missing.join('、')}，无法删除`]);
      const added = add.map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim(), source: 'admin' }));
      await this.calendars.touchYears([...added.map((d) => d.date), ...remove].map(yearOf), { source: 'admin' });
      const before = await this.calendars.daysOn(added.map((d) => d.date));
      await this.calendars.upsertDays(added);
      const removed = await this.calendars.removeDays(remove);
      await this.journal.audit(actor, 'calendar.days_changed', { type: 'calendar', id: 'days' }, { replaced: before, removed }, { added });
      const replanned = await this.journal.calendarEvent({ added: added.map((d) => d.date), removed: remove });
      return { added, removed, replanned };
    });
  }

  /** Marks a year's calendar complete (the schedule is all in) or not. */
  async setComplete(actor: Actor, year: number, complete: boolean): Promise<CalendarYearView> {
    if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new CalendarChangeError([`年份 ${year} 无效`]);
    await this.uow.run(async () => {
      const before = (await this.calendars.year(year)).year;
      await this.calendars.touchYears([year], { complete, source: 'admin' });
      await this.journal.audit(actor, 'calendar.year_marked', { type: 'calendar', id: String(year) }, before, { year, complete });
    });
    return this.year(year);
  }

  /** Reads a notice; writes nothing. Throws CalendarChangeError naming what could not be read. */
  previewNotice(text: string, year?: number): NoticeReading {
    try {
      return readHolidayNotice(text, year);
    } catch (e) {
      if (e instanceof NoticeError) throw new CalendarChangeError(e.problems);
      throw e;
    }
  }

  /**
   * Imports a notice: the year's national holidays and 调休 workdays become exactly the notice's
   * (local rest days stay, unless the notice makes that day a holiday), and the year is complete.
   */
  async commitNotice(actor: Actor, text: string, year?: number): Promise<CalendarChangeResult & { year: number }> {
    const reading = this.previewNotice(text, year);
    return this.uow.run(async () => {
      const years = [reading.year, ...reading.days.map((d) => yearOf(d.date))];
      await this.calendars.touchYears(years, { source: 'admin' });
      await this.calendars.touchYears([reading.year], { complete: true, source: 'notice' });
      const removed = await this.calendars.removeNationalDays(reading.year);
      await this.calendars.upsertDays(reading.days);
      await this.journal.audit(actor, 'calendar.notice_imported', { type: 'calendar', id: String(reading.year) }, { days: removed }, { days: reading.days });
      const replanned = await this.journal.calendarEvent({ notice: reading.year, days: reading.days.length });
      return { year: reading.year, added: reading.days, removed, replanned };
    });
  }
}
