import { shanghaiDate } from '@app/domain';
import { Sql, sql } from '../../db/sql';
import { derivedColumnsSql, LightParams } from '../task.repository';
import { TaskScope } from '../task-scope';

/**
 * What every report shares: its scope (the items GET /tasks would show for the same filters, see
 * task-scope.ts), its clock, and the SQL pieces the reports are written with. Every figure is an
 * aggregate in SQL over the scoped items.
 */

/** The items a report covers: the caller's visibility and the planId/unitId/from/to filters. */
export type ReportScope = TaskScope;

/** The row-independent inputs: the light rule's parameters plus today's Shanghai date. */
export interface ReportClock extends LightParams {
  today: string;
}

/** Which rows of a paginated report: the page's offset and size. */
export interface PageWindow {
  offset: number;
  limit: number;
}

/** A page of a report's rows and how many rows the whole report has. */
export interface Paged<Row> {
  rows: Row[];
  total: number;
}

/** How a report runs its SQL: on the repository's current manager (a pinned replica connection, a transaction, the pool). */
export type RunSql = <T = Record<string, unknown>>(q: Sql) => Promise<T[]>;

/** RunSql on a data source or one connection of it: tests and benchmarks that call the report SQL directly. */
export function runOn(target: { query(text: string, values?: unknown[]): Promise<unknown> }): RunSql {
  return <T,>(q: Sql) => {
    const { text, values } = q.compile();
    return target.query(text, values) as Promise<T[]>;
  };
}

/**
 * The one-row CTE of row-independent inputs every report joins. Besides the clock it holds the
 * Shanghai midnights the reports compare deadlines with, computed once, so that a row's
 * "deadline date < D" becomes the index-friendly "due_at < midnight of D" without a per-row
 * time-zone conversion.
 */
/**
 * The first month whose deadlines are all past the near windows (the next 30 days, the yellow
 * date): from there on an item's counts decide everything but the progress rule of the light.
 */
const HORIZON = (today: unknown, yellowBefore: unknown) =>
  sql`(date_trunc('month', GREATEST(${today}::date + 31, ${yellowBefore}::date)) + interval '1 month')`;

/**
 * Which of this month's items a report that counts the month as one bucket reads one by one: those
 * due before the clock in the first half of the month, those due after it in the second, so at most
 * half a month's items whatever the day.
 */
export const monthSide = (c: ReportClock): 'past' | 'future' => (Number(c.today.slice(8, 10)) <= 15 ? 'past' : 'future');

/** lp.horizon_at as an expression of the clock alone, for the planner to estimate a range on it. */
export const horizonAt = (c: ReportClock): Sql => sql`(${HORIZON(sql.param(c.today), sql.param(c.yellowBefore))}::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/** lp.horizon as an expression of the clock alone. */
export const HORIZON_MONTH = (c: ReportClock): Sql => sql`${HORIZON(sql.param(c.today), sql.param(c.yellowBefore))}::date`;

/**
 * The clock's Shanghai date when the day counts answer: in the month of `today` (always so for the
 * app's clock, whose `today` is that date), and from 1992 on, where the fixed UTC+8 offset gives the
 * date (the tz database has Asia/Shanghai at +8 all year since 1991); else null.
 */
export function clockDay(c: ReportClock): string | null {
  if (c.now.getTime() < Date.parse('1992-01-01T00:00:00+08:00')) return null;
  const day = shanghaiDate(c.now);
  return day.slice(0, 7) === c.today.slice(0, 7) ? day : null;
}

export function clockCte(c: ReportClock): Sql {
  const today = sql.param(c.today);
  const yellowBefore = sql.param(c.yellowBefore);
  return sql`lp AS (SELECT ${c.now}::timestamptz AS now, ${today}::date AS today,
                        ${yellowBefore}::date AS yellow_before, ${c.progressSlack}::int AS slack,
                        (${yellowBefore}::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS yellow_before_at,
                        (${today}::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS today_at,
                        (${today}::date + 8)::timestamp AT TIME ZONE 'Asia/Shanghai' AS next8_at,
                        (${today}::date + 31)::timestamp AT TIME ZONE 'Asia/Shanghai' AS next31_at,
                        ${today}::date - date '2000-01-01' AS today_day,
                        date_trunc('month', ${today}::date)::date AS month,
                        date_trunc('month', ${today}::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS month_at,
                        (date_trunc('month', ${today}::date) + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai' AS next_month_at,
                        ${HORIZON(today, yellowBefore)}::date AS horizon,
                        ${HORIZON(today, yellowBefore)}::timestamp AT TIME ZONE 'Asia/Shanghai' AS horizon_at)`;
}

const derived = derivedColumnsSql({ now: 'lp.now', yellowBefore: 'lp.yellow_before', slack: 'lp.slack', yellowBeforeAt: 'lp.yellow_before_at' });
/** Light and overdue of a row of `t`, the same rule as GET /tasks (needs the lp CTE). */
export const LIGHT = sql.raw(derived.light);
export const OVERDUE = sql.raw(derived.overdue);
/** The light's progress rule of a row of `t`: behind schedule (yellow unless overdue, closed or submitted). */
export const BEHIND = sql.raw(derived.behind);

export const STATUSES = ['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned', 'completed', 'suspended', 'cancelled'] as const;
export const DUE_DATE = sql.raw(`(t.due_at AT TIME ZONE 'Asia/Shanghai')::date`);
/** The deadline appraisal counts: the extended one only when the extension was approved in time (appraisalLateness). */
export const COUNTED_DUE = sql.raw(`(CASE WHEN t.extension_approved_at IS NOT NULL AND t.extension_approved_at <= t.original_due_at
                          THEN t.due_at ELSE t.original_due_at END)`);
export const RATE = (a: string, b: string) => sql.raw(`round(${a}::numeric / NULLIF(${b}, 0), 4)`);
/**
 * An instant's Asia/Shanghai date, exactly `(col AT TIME ZONE 'Asia/Shanghai')::date`, but without
 * a zone lookup per row where it can be spared: Shanghai has been UTC+8 all year since 1991 (tz
 * database), so from 1992 on the fixed offset gives the same date at a fraction of the cost; older
 * instants take the zone rule.
 */
export const SHANGHAI_DATE = (col: string) =>
  sql.raw(`(CASE WHEN ${col} >= '1992-01-01 00:00+08'::timestamptz THEN (${col} AT TIME ZONE INTERVAL '+08:00')::date
         ELSE (${col} AT TIME ZONE 'Asia/Shanghai')::date END)`);
/** Sums of per-group counts (count(*) FILTER … in two steps); 0 rather than NULL when no group matches. */
export const SUM = (cond: string) => sql.raw(`COALESCE(sum(n) FILTER (WHERE ${cond}), 0)::int`);

export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const int = (v: unknown): number => Number(v ?? 0);

/** pg returns `date` columns as local-midnight Dates; format them back without a time zone shift. */
export function isoDate(v: unknown): string {
  if (typeof v === 'string') return v.slice(0, 10);
  const d = v as Date;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
