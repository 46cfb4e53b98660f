import { sql } from '../../db/sql';
import { scopeClauses, unitNames } from '../task-scope';
import { clockCte, DUE_DATE, int, LIGHT, OVERDUE, ReportClock, ReportScope, RunSql } from './report-sql';

export interface PlanHeadRow {
  planId: string;
  title: string;
  total: number;
  completed: number;
  overdue: number;
  yellow: number;
  completedThisWeek: number;
}

export interface WeeklyItemRow {
  planId: string;
  code: string;
  title: string;
  leadUnits: string[];
  responsibleUnits: string[];
  dueAt: Date;
  status: string;
  progress: number;
  light: string;
  overdue: boolean;
  daysOverdue: number;
  lastProgressAt: Date | null;
  lastProgressNote: string | null;
}

/** Head figures per visible plan for the weekly 督办通报. */
export async function planHeadsReport(run: RunSql, s: ReportScope, c: ReportClock): Promise<PlanHeadRow[]> {
  // Named as the row's fields and counted as integers in SQL: the rows are the answer as they come.
  return run<PlanHeadRow>(sql`
       WITH ${clockCte(c)}
       SELECT t.plan_id AS "planId", pl.title, count(*)::int AS total,
              count(*) FILTER (WHERE t.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE ${OVERDUE})::int AS overdue,
              count(*) FILTER (WHERE ${LIGHT} = 'yellow')::int AS yellow,
              count(*) FILTER (WHERE t.status = 'completed' AND t.completed_at > lp.now - interval '7 days')::int AS "completedThisWeek"
         FROM tasks t JOIN plans pl ON pl.id = t.plan_id CROSS JOIN lp
        ${sql.where(scopeClauses(s))}
        GROUP BY t.plan_id, pl.title
        ORDER BY pl.title, t.plan_id`);
}

/**
 * The items a weekly 通报 lists: red and yellow ones and those completed in the last 7 days,
 * at most `perPlan` per plan (a printed page is not a data dump; the full list is GET /tasks).
 */
export async function weeklyItemsReport(run: RunSql, s: ReportScope, c: ReportClock, perPlan: number): Promise<WeeklyItemRow[]> {
  const rows = await run(sql`
       WITH ${clockCte(c)},
       picked AS (
         SELECT t.id, t.plan_id, ${LIGHT} AS light, ${OVERDUE} AS overdue, lp.today - ${DUE_DATE} AS days,
                row_number() OVER (PARTITION BY t.plan_id ORDER BY (${OVERDUE}) DESC, t.due_at, t.code) AS n
           FROM tasks t CROSS JOIN lp
          ${sql.where([
            ...scopeClauses(s),
            sql`(${LIGHT} IN ('red', 'yellow') OR (t.status = 'completed' AND t.completed_at > lp.now - interval '7 days'))`,
          ])}
       )
       SELECT k.plan_id, k.light, k.overdue, k.days, k.n, t.code, t.title, t.due_at, t.status, t.progress, t.last_progress_at,
              ${unitNames('lead')} AS lead_units,
              ${unitNames('responsible')} AS responsible_units,
              (SELECT pr.note FROM progress_reports pr WHERE pr.task_id = t.id ORDER BY pr.created_at DESC, pr.id DESC LIMIT 1) AS last_note
         FROM picked k JOIN tasks t ON t.id = k.id
        WHERE k.n <= ${perPlan}
        ORDER BY k.plan_id, k.n`);
  return rows.map((r) => ({
    planId: r.plan_id as string,
    code: r.code as string,
    title: r.title as string,
    leadUnits: r.lead_units as string[],
    responsibleUnits: r.responsible_units as string[],
    dueAt: r.due_at as Date,
    status: r.status as string,
    progress: int(r.progress),
    light: r.light as string,
    overdue: r.overdue as boolean,
    daysOverdue: r.overdue ? int(r.days) : 0,
    lastProgressAt: (r.last_progress_at as Date | null) ?? null,
    lastProgressNote: (r.last_note as string | null) ?? null,
  }));
}
