import { Injectable } from '@nestjs/common';
import { CalendarDay, CalendarYear, HolidayCalendar } from '@app/domain';
import { RepositoryBase } from '../db/repository';

const DAY_COLUMNS = `to_char(date, 'YYYY-MM-DD') AS date, kind, name, source`;

/**
 * calendar_days and calendar_years: the office's working-day calendar. Every working-day
 * computation reads `current()`; it is cached per process and reloaded when any year's revision
 * moves, which costs one small query per use.
 */
@Injectable()
export class WorkCalendarRepository extends RepositoryBase {
  private cached?: { revision: string; calendar: HolidayCalendar };

  /** The calendar as the current transaction sees it. */
  async current(): Promise<HolidayCalendar> {
    const [{ revision }] = (await this.m.query(`SELECT coalesce(max(revision), 0)::text AS revision FROM calendar_years`)) as { revision: string }[];
    if (this.cached?.revision === revision) return this.cached.calendar;
    const days = (await this.m.query(`SELECT ${DAY_COLUMNS} FROM calendar_days`)) as CalendarDay[];
    const calendar = new HolidayCalendar(days, await this.years());
    this.cached = { revision, calendar };
    return calendar;
  }

  async years(): Promise<CalendarYear[]> {
    return this.m.query(`SELECT year, complete, source FROM calendar_years ORDER BY year`);
  }

  async year(year: number): Promise<{ year: CalendarYear | null; days: CalendarDay[] }> {
    const [y] = (await this.m.query(`SELECT year, complete, source FROM calendar_years WHERE year = $1`, [year])) as CalendarYear[];
    const days = (await this.m.query(`SELECT ${DAY_COLUMNS} FROM calendar_days WHERE year = $1 ORDER BY date`, [year])) as CalendarDay[];
    return { year: y ?? null, days };
  }

  async daysOn(dates: readonly string[]): Promise<CalendarDay[]> {
    return this.m.query(`SELECT ${DAY_COLUMNS} FROM calendar_days WHERE date = ANY($1::date[]) ORDER BY date`, [dates]);
  }

  /**
   * Registers a change to `years` (inside the caller's transaction): changes queue behind each other
   * and each year's revision moves past every other, so every process reloads. `complete` and
   * `source` are set when given; a year first touched here starts incomplete.
   */
  async touchYears(years: readonly number[], change: { complete?: boolean; source: string }): Promise<void> {
    await this.m.query(`LOCK TABLE calendar_years IN SHARE ROW EXCLUSIVE MODE`);
    // After a restore the sequence may trail the restored revisions: never hand out one below them.
    await this.m.query(
      `SELECT setval('calendar_revision_seq', GREATEST(nextval('calendar_revision_seq'), (SELECT coalesce(max(revision), 0) + 1 FROM calendar_years)))`,
    );
    await this.m.query(
      `INSERT INTO calendar_years (year, complete, source, revision)
       SELECT y, coalesce($2::boolean, false), $3, currval('calendar_revision_seq') FROM unnest($1::int[]) AS y
       ON CONFLICT (year) DO UPDATE SET complete = coalesce($2::boolean, calendar_years.complete),
         source = CASE WHEN $2::boolean IS NULL THEN calendar_years.source ELSE EXCLUDED.source END,
         revision = EXCLUDED.revision, updated_at = now()`,
      [[...new Set(years)], change.complete ?? null, change.source],
    );
  }

  /** Adds or replaces days (their years must be touched first). */
  async upsertDays(days: readonly CalendarDay[]): Promise<void> {
    if (!days.length) return;
    await this.m.query(
      `INSERT INTO calendar_days (date, year, kind, name, source)
       SELECT d, extract(year FROM d)::int, k, n, s FROM unnest($1::date[], $2::text[], $3::text[], $4::text[]) AS x(d, k, n, s)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, source = EXCLUDED.source`,
      [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name), days.map((d) => d.source)],
    );
  }

  /** Removes days; returns those that were there. */
  async removeDays(dates: readonly string[]): Promise<CalendarDay[]> {
    if (!dates.length) return [];
    return this.m.query(
      `WITH gone AS (DELETE FROM calendar_days WHERE date = ANY($1::date[]) RETURNING *) SELECT ${DAY_COLUMNS} FROM gone ORDER BY date`,
      [dates],
    );
  }

  /** The national days of a year (holidays and 调休 workdays), replaced by a notice; local rest days stay. */
  async removeNationalDays(year: number): Promise<CalendarDay[]> {
    return this.m.query(
      `WITH gone AS (DELETE FROM calendar_days WHERE year = $1 AND kind IN ('holiday', 'workday') RETURNING *) SELECT ${DAY_COLUMNS} FROM gone ORDER BY date`,
      [year],
    );
  }

  /** True the first time only: one inbox notice per missing year, whatever number of workers look. */
  async claimMissingNotice(year: number): Promise<boolean> {
    const rows: unknown[] = await this.m.query(
      `INSERT INTO calendar_missing_notices (year) VALUES ($1) ON CONFLICT (year) DO NOTHING RETURNING year`,
      [year],
    );
    return rows.length > 0;
  }
}
