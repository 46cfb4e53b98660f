// The report SQL as it was before the report counts (issue #18, migration 1734000000000), kept only as
// the reference report-counts.int-spec.ts compares the new path with. Not used by the apps.
import { sql } from '../../../libs/persistence/src/db/sql';
import { scopeClauses } from '../../../libs/persistence/src/repositories/task-scope';
import { clockCte, int, LIGHT, num, OVERDUE, ReportClock, ReportScope, RunSql, STATUSES } from '../../../libs/persistence/src/repositories/reports/report-sql';

export interface SummaryRow {
  total: number;
  overdue: number;
  completed: number;
  cancelled: number;
  completedOnTime: number;
  byStatus: Record<string, number>;
  byLight: { green: number; yellow: number; red: number; none: number };
  averageDaysOverdue: number | null;
  dueNext7: number;
  dueNext30: number;
}

/**
 * One pass over the scoped items (byStatus counts the statuses items can have; libs/domain
 * rejects any other). The inner query (OFFSET 0 keeps it a separate step) derives
 * light and overdue once per row; the outer one only counts. Windows on the deadline compare
 * with Shanghai midnights bound in lp instead of converting every row's deadline to a date.
 */
export async function summaryReport(run: RunSql, s: ReportScope, c: ReportClock): Promise<SummaryRow> {
  const OPEN = sql.raw(`status NOT IN ('completed', 'cancelled', 'suspended')`);
  const byStatus = sql.raw(STATUSES.map((st, i) => `count(*) FILTER (WHERE status = '${st}')::int AS s${i}`).join(',\n             '));
  const [r] = await run(sql`
      WITH ${clockCte(c)}
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE overdue)::int AS overdue,
             count(*) FILTER (WHERE status = 'completed' AND completed_at <= due_at)::int AS completed_on_time,
             ${byStatus},
             count(*) FILTER (WHERE light = 'green')::int AS green,
             count(*) FILTER (WHERE light = 'yellow')::int AS yellow,
             count(*) FILTER (WHERE light = 'red')::int AS red,
             count(*) FILTER (WHERE light = 'none')::int AS none,
             round(avg(lp.today - (due_at AT TIME ZONE 'Asia/Shanghai')::date) FILTER (WHERE overdue), 1) AS average_days_overdue,
             count(*) FILTER (WHERE NOT overdue AND ${OPEN} AND due_at >= lp.today_at AND due_at < lp.next8_at)::int AS due_next_7,
             count(*) FILTER (WHERE NOT overdue AND ${OPEN} AND due_at >= lp.today_at AND due_at < lp.next31_at)::int AS due_next_30
        FROM (SELECT t.status, t.due_at, t.completed_at, ${LIGHT} AS light, ${OVERDUE} AS overdue
                FROM tasks t CROSS JOIN lp ${sql.where(scopeClauses(s))} OFFSET 0) b
        CROSS JOIN lp`);
  const counts: Record<string, number> = {};
  STATUSES.forEach((st, i) => {
    if (int(r[`s${i}`]) > 0) counts[st] = int(r[`s${i}`]);
  });
  return {
    total: int(r.total),
    overdue: int(r.overdue),
    completed: counts.completed ?? 0,
    cancelled: counts.cancelled ?? 0,
    completedOnTime: int(r.completed_on_time),
    byStatus: counts,
    byLight: { green: int(r.green), yellow: int(r.yellow), red: int(r.red), none: int(r.none) },
    averageDaysOverdue: num(r.average_days_overdue),
    dueNext7: int(r.due_next_7),
    dueNext30: int(r.due_next_30),
  };
}
