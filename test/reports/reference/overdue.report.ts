// The report SQL as it was before the report counts (issue #18, migration 1734000000000), kept only as
// the reference report-counts.int-spec.ts compares the new path with. Not used by the apps.
import { sql } from '../../../libs/persistence/src/db/sql';
import { scopeClauses, unitNames } from '../../../libs/persistence/src/repositories/task-scope';
import { clockCte, DUE_DATE, int, OVERDUE, ReportClock, ReportScope, RunSql } from '../../../libs/persistence/src/repositories/reports/report-sql';
import { TASK_HEAD, TaskHead } from '../../../libs/persistence/src/repositories/task-row';

export interface OverdueRow extends Omit<TaskHead, 'id'> {
  taskId: string;
  originalDueAt: Date;
  daysOverdue: number;
  responsibleUnits: string[];
  escalationLevel: 'blue' | 'yellow' | 'red' | null;
  lastProgressAt: Date | null;
  lastProgressNote: string | null;
}

const LEVELS = [null, 'blue', 'yellow', 'red'] as const;

/** Overdue items, longest overdue first; a page is chosen first, then enriched. */
export async function overdueReport(
  run: RunSql,
  s: ReportScope,
  c: ReportClock,
  o: { offset: number; limit: number },
): Promise<{ rows: OverdueRow[]; total: number }> {
  type Read = Omit<OverdueRow, 'taskId' | 'escalationLevel'> & { id: string; escalation: number | null; total_rows: number };
  const rows = await run<Read>(sql`
      WITH ${clockCte(c)},
      hits AS (
        SELECT t.id, lp.today - ${DUE_DATE} AS days_overdue, t.code, count(*) OVER ()::int AS total_rows
          FROM tasks t CROSS JOIN lp ${sql.where([...scopeClauses(s), OVERDUE])}
         ORDER BY days_overdue DESC, t.code, t.id
         LIMIT ${o.limit} OFFSET ${o.offset}
      )
      SELECT h.total_rows, ${TASK_HEAD}, h.days_overdue AS "daysOverdue", t.original_due_at AS "originalDueAt",
             t.last_progress_at AS "lastProgressAt",
             ${unitNames('responsible')} AS "responsibleUnits",
             (SELECT max(CASE r.notice_level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 END)
                FROM reminders r WHERE r.task_id = t.id AND r.state = 'sent') AS escalation,
             (SELECT pr.note FROM progress_reports pr WHERE pr.task_id = t.id ORDER BY pr.created_at DESC, pr.id DESC LIMIT 1) AS "lastProgressNote"
        FROM hits h JOIN tasks t ON t.id = h.id JOIN plans pl ON pl.id = t.plan_id
       ORDER BY h.days_overdue DESC, h.code, h.id`);
  const total = rows.length ? int(rows[0].total_rows) : await countOverdue(run, s, c);
  return {
    total,
    rows: rows.map(({ id, escalation, total_rows: _total, ...row }) => ({
      taskId: id,
      ...row,
      escalationLevel: LEVELS[int(escalation)] ?? null,
    })),
  };
}

/** Only for a page past the end, where the window count has no row to ride on. */
async function countOverdue(run: RunSql, s: ReportScope, c: ReportClock): Promise<number> {
  const [r] = await run(
    sql`WITH ${clockCte(c)} SELECT count(*)::int AS n FROM tasks t CROSS JOIN lp ${sql.where([...scopeClauses(s), OVERDUE])}`,
  );
  return int(r.n);
}
