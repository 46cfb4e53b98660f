import { Sql, sql } from '../../db/sql';
import { scopeClauses } from '../task-scope';
import { clockCte, ReportClock, ReportScope, RunSql } from './report-sql';

export interface TrendRow {
  periodStart: string;
  periodEnd: string;
  completed: number;
  completedOnTime: number;
  newOverdue: number;
}

/**
 * Per week (ISO, from Monday) or month in Shanghai: items completed, of which on time (against
 * the deadline in force), and items whose deadline fell in the period and was missed (not
 * completed or submitted by it; cancelled and suspended items aside). from/to choose the window;
 * they do not filter deadlines here.
 */
export async function trendReport(
  run: RunSql,
  s: ReportScope,
  c: ReportClock,
  o: { interval: 'week' | 'month'; from: string; to: string },
): Promise<TrendRow[]> {
  const unit = sql.raw(`'${o.interval === 'week' ? 'week' : 'month'}'`);
  const step = sql.raw(o.interval === 'week' ? `interval '1 week'` : `interval '1 month'`);
  const bucket = (col: string) => sql`date_trunc(${unit}, ${sql.raw(col)} AT TIME ZONE 'Asia/Shanghai')::date`;
  const counted = s.visibility.kind === 'all' && !s.unitId;
  // Named as the row's fields, counted as integers in SQL: the rows are the answer as they come.
  return run<TrendRow>(sql`
      WITH ${clockCte(c)},
      periods AS (
        SELECT gs::date AS start_date, (gs + ${step})::date - 1 AS end_date
          FROM generate_series(date_trunc(${unit}, ${o.from}::date), ${o.to}::date, ${step}) AS gs
      ),
      -- The window as instants (Shanghai midnights), so only items completed or due inside it are
      -- read (tasks_completed_idx, tasks_due_idx) instead of bucketing every item ever.
      win AS (
        SELECT min(start_date) AS from_day, max(end_date) AS to_day,
               min(start_date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS from_at,
               (max(end_date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AS to_at FROM periods
      ),
      ${counted ? countedParts(s, unit, bucket) : rowParts(s, bucket)}
      SELECT pr.start_date::text AS "periodStart", pr.end_date::text AS "periodEnd",
             COALESCE(d.n, 0) AS completed, COALESCE(d.on_time, 0) AS "completedOnTime", COALESCE(m.n, 0) AS "newOverdue"
        FROM periods pr LEFT JOIN done d ON d.b = pr.start_date LEFT JOIN missed m ON m.b = pr.start_date
       ORDER BY pr.start_date`);
}

type Bucket = (col: string) => Sql;
/** Missed by its deadline (once that has passed): not completed or submitted in time, neither cancelled nor suspended. */
const missedRule = (t: string) =>
  sql.raw(`${t}status NOT IN ('cancelled', 'suspended') AND (${t}completed_at IS NULL OR ${t}completed_at > ${t}due_at)
           AND NOT (${t}submitted_at IS NOT NULL AND ${t}submitted_at <= ${t}due_at AND ${t}status IN ('submitted', 'completed'))`);

/** From the items completed or due in the window (a scope the trend counts cannot express: a unit). */
function rowParts(s: ReportScope, bucket: Bucket): Sql {
  return sql`
      scoped AS NOT MATERIALIZED (
        SELECT t.id, t.status, t.due_at, t.completed_at, t.submitted_at FROM tasks t CROSS JOIN lp ${sql.where(scopeClauses(s, { dates: false }))}
      ),
      done AS (
        SELECT ${bucket('completed_at')} AS b, count(*)::int AS n, count(*) FILTER (WHERE completed_at <= due_at)::int AS on_time
          FROM scoped CROSS JOIN win
         WHERE status = 'completed' AND completed_at IS NOT NULL AND completed_at >= win.from_at AND completed_at < win.to_at
         GROUP BY 1
      ),
      missed AS (
        SELECT ${bucket('due_at')} AS b, count(*)::int AS n
          FROM scoped CROSS JOIN lp CROSS JOIN win
         WHERE due_at < lp.now AND due_at >= win.from_at AND due_at < win.to_at AND ${missedRule('')}
         GROUP BY 1
      )`;
}

/**
 * From report_trend_counts (migration 1736220000000), per plan and Shanghai date: completions by
 * their date, and misses by their deadline's date before the clock's Shanghai date. Only the items
 * due on that date itself, before the clock, are read one by one.
 */
function countedParts(s: ReportScope, unit: Sql, bucket: Bucket): Sql {
  const plan = s.planId ? sql`AND k.plan_id = ${s.planId}` : sql.empty;
  const dayBucket = (col: string) => sql`date_trunc(${unit}, ${sql.raw(col)}::timestamp)::date`;
  return sql`
      now_day AS (SELECT (lp.now AT TIME ZONE 'Asia/Shanghai')::date AS day, (lp.now AT TIME ZONE 'Asia/Shanghai')::date::timestamp AT TIME ZONE 'Asia/Shanghai' AS day_at FROM lp),
      done AS (
        SELECT ${dayBucket('k.day')} AS b, sum(k.n)::int AS n, COALESCE(sum(k.n) FILTER (WHERE k.on_time), 0)::int AS on_time
          FROM report_trend_counts k CROSS JOIN win
         WHERE k.kind = 'completed' AND k.day >= win.from_day AND k.day <= win.to_day ${plan}
         GROUP BY 1
      ),
      missed AS (
        SELECT b, sum(n)::int AS n
          FROM (SELECT ${dayBucket('k.day')} AS b, k.n
                  FROM report_trend_counts k CROSS JOIN win CROSS JOIN now_day
                 WHERE k.kind = 'missed' AND k.day >= win.from_day AND k.day <= win.to_day AND k.day < now_day.day ${plan}
                UNION ALL
                SELECT ${bucket('t.due_at')}, 1
                  FROM tasks t CROSS JOIN lp CROSS JOIN win CROSS JOIN now_day
                 WHERE t.due_at >= now_day.day_at AND t.due_at < lp.now AND t.due_at >= win.from_at AND t.due_at < win.to_at
                   AND ${missedRule('t.')} ${s.planId ? sql`AND t.plan_id = ${s.planId}` : sql.empty}) x
         GROUP BY b
      )`;
}
