import { Sql, sql } from '../../db/sql';
import { BEHIND_COUNTS_SLACK } from '../../migrations/1736410000000-report-behind-counts';
import { CountsScope, countsScope, scopeClauses } from '../task-scope';
import { behindFromCounts } from './behind-counts';
import { dueDaysFit, dueDaysPart } from './summary-days';
import { BEHIND, clockCte, horizonAt, HORIZON_MONTH, int, LIGHT, num, OVERDUE, ReportClock, ReportScope, RunSql, STATUSES } from './report-sql';

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

/** Closed: no light, never overdue, not due soon; whatever its deadline, such an item's figures are its counts. */
const CLOSED = `('completed', 'cancelled', 'suspended')`;
/** Open and not yet submitted: the statuses whose light follows progress against the clock. */
const WORKING = `('assigned', 'acknowledged', 'in_progress', 'returned')`;

/**
 * Where the scope allows (countsScope), closed items, items due before this month and items due
 * past the near windows are summed from the report counts: their figures no longer move with the
 * clock (due before this month and open means overdue, and red; past the horizon nothing is overdue
 * or due soon). Open items due from this month up to the horizon are read row by row with the same rules as
 * GET /tasks; of the working items past the horizon only the light's progress rule (yellow or
 * green) is, through tasks_working_due_idx. Without a counts scope every item is read.
 * For all items or a plan at the app's clock (dueDaysFit), the near months come from counts per
 * deadline day instead (summary-days.ts), so no part of the report reads a month of items.
 */
export async function summaryReport(run: RunSql, s: ReportScope, c: ReportClock): Promise<SummaryRow> {
  const counts = countsScope(s);
  const nowDay = counts && dueDaysFit(c, counts);
  if (counts && nowDay) {
    // Every item from counts: the near months by deadline day (summary-days.ts), the rest as below.
    return summaryOf([await countedPart(run, c, counts.table, counts.where, true), await dueDaysPart(run, s, c, counts, nowDay)]);
  }
  const OPEN = sql.raw(`status NOT IN ${CLOSED}`);
  const live = counts ? [sql`t.due_at >= lp.month_at`, sql`t.due_at < lp.horizon_at`, sql.raw(`t.status NOT IN ${CLOSED}`)] : [];
  const byStatus = sql.raw(STATUSES.map((st, i) => `count(*) FILTER (WHERE status = '${st}')::int AS s${i}`).join(',\n             '));
  // The inner query (OFFSET 0 keeps it a separate step) derives light and overdue once per row; the
  // outer one only counts. Windows on the deadline compare with Shanghai midnights bound in lp.
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
             COALESCE(sum(lp.today - (due_at AT TIME ZONE 'Asia/Shanghai')::date) FILTER (WHERE overdue), 0) AS days_overdue,
             count(*) FILTER (WHERE NOT overdue AND ${OPEN} AND due_at >= lp.today_at AND due_at < lp.next8_at)::int AS due_next_7,
             count(*) FILTER (WHERE NOT overdue AND ${OPEN} AND due_at >= lp.today_at AND due_at < lp.next31_at)::int AS due_next_30
             ${counts ? sql`, (${yellowPastHorizon(s, c, counts)}) AS yellow_later` : sql.empty}
        FROM (SELECT t.status, t.due_at, t.completed_at, ${LIGHT} AS light, ${OVERDUE} AS overdue
                FROM tasks t CROSS JOIN lp ${sql.where([...scopeClauses(s), ...live])} OFFSET 0) b
        CROSS JOIN lp`);
  return summaryOf(counts ? [r, await countedPart(run, c, counts.table, counts.where, false)] : [r]);
}

/** The report from parts that each count some of the items (same keys; yellow_later moves green to yellow). */
function summaryOf(parts: Record<string, unknown>[]): SummaryRow {
  const add = (k: string) => parts.reduce((n, p) => n + int(p[k]), 0);
  const overdue = add('overdue');
  const byStatusCounts: Record<string, number> = {};
  STATUSES.forEach((st, i) => {
    if (add(`s${i}`) > 0) byStatusCounts[st] = add(`s${i}`);
  });
  return {
    total: add('total'),
    overdue,
    completed: byStatusCounts.completed ?? 0,
    cancelled: byStatusCounts.cancelled ?? 0,
    completedOnTime: add('completed_on_time'),
    byStatus: byStatusCounts,
    // The counts hold the working items past the horizon as green; the rows say which are behind.
    byLight: { green: add('green') - add('yellow_later'), yellow: add('yellow') + add('yellow_later'), red: add('red'), none: add('none') },
    averageDaysOverdue: overdue ? averageOf(add('days_overdue'), overdue) : null,
    dueNext7: add('due_next_7'),
    dueNext30: add('due_next_30'),
  };
}

/**
 * How many working items in scope due past the horizon are behind schedule (yellow). Their light
 * can be nothing else: not overdue, not due before the yellow date, so it is the progress rule, and
 * that never holds with progress + slack >= 100 (elapsed is below the whole span before the deadline).
 * For the slack report_behind_counts was built for and a scope it holds (all items or a plan), the
 * rows whose crossing week is before the clock's are summed and only the clock's own week (or an
 * infinite instant) is read; otherwise every such row is.
 */
function yellowPastHorizon(s: ReportScope, c: ReportClock, counts: CountsScope): Sql {
  const working = [...scopeClauses(s), sql.raw(`t.status IN ${WORKING}`), sql`t.due_at >= ${horizonAt(c)}`];
  if (counts.table !== 'report_item_counts' || c.progressSlack !== BEHIND_COUNTS_SLACK) {
    // The bounds are bound as values (not lp's columns) so that the planner sees how many rows match.
    return sql`SELECT count(*) FILTER (WHERE ${BEHIND})::int FROM tasks t CROSS JOIN lp
                ${sql.where([...working, sql`t.progress + ${c.progressSlack}::int < 100`])}`;
  }
  const rows = (extra: Sql[]) => sql`SELECT count(*) FILTER (WHERE ${BEHIND}) FROM tasks t CROSS JOIN lp ${sql.where([...working, ...extra])}`;
  return sql`SELECT (${behindFromCounts(c.now, [...counts.where, sql`c.due_month >= ${HORIZON_MONTH(c)}`], rows)})::int`;
}

/** round(avg, 1) as PostgreSQL's numeric does it: half away from zero, on the exact quotient. */
function averageOf(sum: number, n: number): number {
  const tenths = (sum * 10) / n;
  return num((Math.sign(tenths) * Math.round(Math.abs(tenths))) / 10) as number;
}

/**
 * The counted items: closed ones (by status, light none), due before this month (submitted in time
 * green, every other open one overdue and red, `today − due date` days late), or past the horizon
 * (submitted or working: green, not yet due, until yellowPastHorizon says otherwise). None is due
 * within the next 30 days. With `near`, open items due in the near months are in the totals and
 * statuses too (their light, overdue and due-soon figures come from summary-days.ts).
 */
async function countedPart(run: RunSql, c: ReportClock, table: string, where: Sql[], near: boolean): Promise<Record<string, unknown>> {
  // Overdue: due before this month, open, and not submitted by the deadline (past the horizon nothing is).
  const LATE = sql.raw(`c.due_month < lp.month AND status NOT IN ('completed', 'cancelled', 'suspended') AND NOT (status = 'submitted' AND submitted_in_time)`);
  const byStatus = sql.raw(STATUSES.map((st, i) => `COALESCE(sum(n) FILTER (WHERE status = '${st}'), 0) AS s${i}`).join(', '));
  const notNear = `(c.due_month < lp.month OR c.due_month >= lp.horizon)`;
  const NOT_NEAR = sql.raw(notNear);
  const [r] = await run(sql`
      WITH ${clockCte(c)}
      SELECT COALESCE(sum(n), 0) AS total,
             COALESCE(sum(n) FILTER (WHERE ${LATE}), 0) AS overdue,
             COALESCE(sum(n) FILTER (WHERE status = 'completed' AND on_time), 0) AS completed_on_time,
             ${byStatus},
             COALESCE(sum(n) FILTER (WHERE (${NOT_NEAR} AND status = 'submitted' AND submitted_in_time) OR (c.due_month >= lp.horizon AND status IN ('submitted', ${sql.raw(WORKING.slice(1, -1))}))), 0) AS green,
             COALESCE(sum(n) FILTER (WHERE ${LATE}), 0) AS red,
             COALESCE(sum(n) FILTER (WHERE status IN ('completed', 'cancelled', 'suspended')), 0) AS none,
             COALESCE(sum(n * lp.today_day - due_day_sum) FILTER (WHERE ${LATE}), 0) AS days_overdue
        FROM ${sql.raw(table)} c CROSS JOIN lp
       ${sql.where(near ? where : [...where, sql.raw(`(${notNear} OR c.status IN ${CLOSED})`)])}`);
  return r;
}
