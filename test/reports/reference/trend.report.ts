// The trend report's SQL as it was before report_trend_counts (issue #18), kept only as the reference
// report-counts.int-spec.ts compares the new path with. Not used by the apps.
import { sql } from '../../../libs/persistence/src/db/sql';
import { scopeClauses } from '../../../libs/persistence/src/repositories/task-scope';
import { clockCte, ReportClock, ReportScope, RunSql } from '../../../libs/persistence/src/repositories/reports/report-sql';

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
        SELECT min(start_date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS from_at,
               (max(end_date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AS to_at FROM periods
      ),
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
         WHERE due_at < lp.now AND due_at >= win.from_at AND due_at < win.to_at AND status NOT IN ('cancelled', 'suspended')
           AND (completed_at IS NULL OR completed_at > due_at)
           AND NOT (submitted_at IS NOT NULL AND submitted_at <= due_at AND status IN ('submitted', 'completed'))
         GROUP BY 1
      )
      SELECT pr.start_date::text AS "periodStart", pr.end_date::text AS "periodEnd",
             COALESCE(d.n, 0) AS completed, COALESCE(d.on_time, 0) AS "completedOnTime", COALESCE(m.n, 0) AS "newOverdue"
        FROM periods pr LEFT JOIN done d ON d.b = pr.start_date LEFT JOIN missed m ON m.b = pr.start_date
       ORDER BY pr.start_date`);
}
