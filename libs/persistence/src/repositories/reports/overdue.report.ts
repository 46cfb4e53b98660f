import { sql } from '../../db/sql';
import { countsScope, scopeClauses, unitNames } from '../task-scope';
import { overdueCountSql } from '../task.repository';
import { clockCte, DUE_DATE, int, OVERDUE, PageWindow, Paged, ReportClock, ReportScope, RunSql } from './report-sql';
import { TASK_HEAD, TaskHead } from '../task-row';

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
export async function overdueReport(run: RunSql, s: ReportScope, c: ReportClock, o: PageWindow): Promise<Paged<OverdueRow>> {
  const scope = [...scopeClauses(s), OVERDUE];
  // Every item or one plan: the page is the first overdue rows of tasks_overdue_page_idx, which holds
  // the open items in the page's order (deadline date, code, id).
  const walk = countsScope(s)?.table === 'report_item_counts';
  // Else the page holds items due no later than the day of the (offset + limit)-th overdue item by
  // deadline: found by walking the deadline index, it bounds the rows sorted for the page.
  const [cut] = walk
    ? []
    : await run<{ before: Date }>(sql`
      WITH ${clockCte(c)}
      SELECT ((${DUE_DATE} + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS before
        FROM tasks t CROSS JOIN lp ${sql.where(scope)}
       ORDER BY t.due_at LIMIT 1 OFFSET ${o.offset + o.limit - 1}`);
  const rows = await run<Omit<OverdueRow, 'taskId' | 'escalationLevel'> & { id: string; escalation: number | null }>(sql`
      WITH ${clockCte(c)},
      hits AS (
        SELECT t.id, lp.today - ${DUE_DATE} AS days_overdue, t.code
          FROM tasks t CROSS JOIN lp ${sql.where(cut ? [...scope, sql`t.due_at < ${cut.before}`] : scope)}
         ORDER BY ${walk ? sql`${DUE_DATE}, t.code, t.id` : sql`days_overdue DESC, t.code, t.id`}
         LIMIT ${o.limit} OFFSET ${o.offset}
      )
      SELECT ${TASK_HEAD}, h.days_overdue AS "daysOverdue", t.original_due_at AS "originalDueAt",
             t.last_progress_at AS "lastProgressAt",
             ${unitNames('responsible')} AS "responsibleUnits",
             (SELECT max(CASE r.notice_level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 END)
                FROM reminders r WHERE r.task_id = t.id AND r.state = 'sent') AS escalation,
             (SELECT pr.note FROM progress_reports pr WHERE pr.task_id = t.id ORDER BY pr.created_at DESC, pr.id DESC LIMIT 1) AS "lastProgressNote"
        FROM hits h JOIN tasks t ON t.id = h.id JOIN plans pl ON pl.id = t.plan_id
       ORDER BY h.days_overdue DESC, h.code, h.id`);
  const total = await countOverdue(run, s, c);
  return {
    total,
    rows: rows.map(({ id, escalation, ...row }) => ({
      taskId: id,
      ...row,
      escalationLevel: LEVELS[int(escalation)] ?? null,
    })),
  };
}

/** How many items in scope are overdue (see overdueCountSql). */
async function countOverdue(run: RunSql, s: ReportScope, c: ReportClock): Promise<number> {
  const [r] = await run(overdueCountSql(s, c.now));
  return int(r.n);
}
