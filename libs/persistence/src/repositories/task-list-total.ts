import { shanghaiDate } from '@app/domain';
import { Sql, sql } from '../db/sql';
import { BEHIND_COUNTS_SLACK } from '../migrations/1736410000000-report-behind-counts';
import { behindFromCounts } from './reports/behind-counts';
import { HORIZON_MONTH, ReportClock } from './reports/report-sql';
import { dueDaysFit, dueDaysSql } from './reports/summary-days';
import { CountsScope, countsScope, scopeClauses } from './task-scope';
import type { LightParams, TaskListFilter } from './task.repository';

const CLOSED = `('completed', 'cancelled', 'suspended')`;
const WORKING = `('assigned', 'acknowledged', 'in_progress', 'returned')`;

/**
 * The row-independent inputs of GET /tasks's queries, as a one-row join `lp`: the clock and the light
 * rule's parameters, the yellow date as the instant its Shanghai day begins, and the two Shanghai
 * months that split the deadlines for counting (see countedTotalSql). All are expressions of bound
 * values, so the planner folds them into constants and can estimate index ranges on them.
 */
export function listClockJoin(lp: LightParams): Sql {
  const now = sql.param(lp.now);
  const yellow = sql.param(lp.yellowBefore);
  const month = sql`date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')`;
  // The first month every deadline of which is after the clock and on or after the yellow date.
  const horizon = sql`(date_trunc('month', GREATEST((${now}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, ${yellow}::date)::timestamp) + interval '1 month')`;
  return sql`CROSS JOIN (SELECT ${now}::timestamptz AS now, ${yellow}::date AS yellow_before,
                                ${yellow}::date::timestamp AT TIME ZONE 'Asia/Shanghai' AS yellow_before_at,
                                ${lp.progressSlack}::int AS slack,
                                ${month}::date AS month, ${month} AT TIME ZONE 'Asia/Shanghai' AS month_at,
                                ${horizon}::date AS horizon, ${horizon} AT TIME ZONE 'Asia/Shanghai' AS horizon_at) lp`;
}

/**
 * GET /tasks's `total` without reading every matching item, for a scope the report counts hold
 * (countsScope) and no filter or one of status, overdue, light alone; null for anything else (the
 * caller counts rows). No filter or a status: every month summed from the counts (a status does not
 * depend on the clock). A light or overdue filter splits the deadlines in three parts:
 * - before this (Shanghai) month: summed from the counts. Such an item is closed (light none), or
 *   submitted by its deadline (green), or else overdue and red, whatever the clock within the month.
 * - from this month to the horizon: the only part where the clock or the yellow date decides between
 *   red, yellow and green. Every item or one plan at the app's clock: from the deadline-day counts
 *   (nearFromDays); otherwise read row by row with the list's own filter (horizon: listClockJoin).
 * - from the horizon on: summed from the counts. Closed is none, open is not overdue, submitted is
 *   green, and a working item is green unless behind schedule (the light's progress rule), which
 *   behindPastHorizon counts.
 * `rows` are the list's filter clauses over `t` (scope included), `behind` the progress rule over `t`.
 */
export function countedTotalSql(f: TaskListFilter, lp: LightParams, rows: Sql[], behind: string): Sql | null {
  const counts = countsScope(f.scope);
  const filters = [f.status, f.light, f.overdue].filter((v) => v !== undefined).length;
  if (!counts || f.q || f.extensionPending !== undefined || filters > 1) return null;
  const lpJoin = listClockJoin(lp);
  const late = `c.due_month < lp.month AND c.status NOT IN ${CLOSED} AND NOT (c.status = 'submitted' AND c.submitted_in_time)`;
  const light = `(CASE WHEN c.status IN ${CLOSED} THEN 'none' WHEN ${late} THEN 'red' ELSE 'green' END)`;
  const summed = (where: Sql[]) => sql`SELECT COALESCE(sum(c.n), 0) FROM ${sql.raw(counts.table)} c ${lpJoin} ${sql.where([...counts.where, ...where])}`;
  // A status is the same whatever the clock: every month is summed.
  if (f.light === undefined && f.overdue === undefined) return sql`SELECT (${summed(f.status ? [sql`c.status = ${f.status}`] : [])})::int AS total`;
  const clock: ReportClock = { ...lp, today: shanghaiDate(lp.now) };
  const nowDay = dueDaysFit(clock, counts);
  if (nowDay) return nearFromDays(f, clock, counts, nowDay, summed, { late, light });
  const counted: Sql[] = [sql`(c.due_month < lp.month OR c.due_month >= lp.horizon)`];
  if (f.overdue !== undefined) counted.push(sql.raw(f.overdue ? `(${late})` : `NOT (${late})`));
  if (f.light) counted.push(sql`${sql.raw(light)} = ${f.light}`);
  const near = sql`SELECT count(*) FROM tasks t ${lpJoin} ${sql.where([...rows, sql`t.due_at >= lp.month_at`, sql`t.due_at < lp.horizon_at`])}`;
  // The counts hold every working item past the horizon as green; those behind schedule are yellow.
  const sign = f.light === 'yellow' ? '+' : f.light === 'green' ? '-' : null;
  const moved = sign ? sql` ${sql.raw(sign)} (${behindPastHorizon(f, lp, counts, behind)})` : sql.empty;
  return sql`SELECT ((${summed(counted)}) + (${near})${moved})::int AS total`;
}

/**
 * A light or overdue filter over every item or one plan, at a clock dueDaysFit accepts: this month up
 * to the summary's horizon from the summary's own near-month figures (dueDaysSql: report_due_days per
 * deadline day, the clock's own day's passed deadlines read by row, the behind-schedule count of every
 * working item due from the yellow date on), the other months from the counts as above. Red is
 * overdue; yellow is the near days before the yellow date plus every behind item from it on (far ones
 * included, which the counts hold as green, so green loses them).
 */
function nearFromDays(
  f: TaskListFilter,
  clock: ReportClock,
  counts: CountsScope,
  nowDay: string,
  summed: (where: Sql[]) => Sql,
  rule: { late: string; light: string },
): Sql {
  const outside = sql`(c.due_month < lp.month OR c.due_month >= ${HORIZON_MONTH(clock)})`;
  const byLight = (light: string) => sql`${sql.raw(rule.light)} = ${light}`;
  const total = (() => {
    if (f.overdue === true) return sql`(${summed([sql.raw(`(${rule.late})`)])}) + n.overdue`;
    if (f.overdue === false) return sql`(${summed([sql.raw(`NOT (${rule.late})`)])}) - n.overdue`;
    switch (f.light) {
      case 'red':
        return sql`(${summed([byLight('red')])}) + n.red`;
      case 'yellow':
        return sql`n.yellow + n.yellow_later`;
      case 'green':
        return sql`(${summed([outside, byLight('green')])}) + n.green - n.yellow_later`;
      default:
        return sql`(${summed([byLight('none')])})`;
    }
  })();
  return sql`SELECT (${total})::int AS total FROM (${dueDaysSql(f.scope, clock, counts, nowDay)}) n`;
}

/**
 * How many working items in scope due from the horizon on are behind schedule. With the slack
 * report_behind_counts was built for and a scope it holds (every item or one plan), the rows whose
 * crossing week is before the clock's are summed and only the clock's own week (or an infinite
 * instant) is read (tasks_behind_day_idx); otherwise every such row with progress + slack < 100 is
 * read (behind is never true otherwise before the deadline).
 */
function behindPastHorizon(f: TaskListFilter, lp: LightParams, counts: CountsScope, behind: string): Sql {
  const lpJoin = listClockJoin(lp);
  const working = [...scopeClauses(f.scope), sql.raw(`t.status IN ${WORKING}`), sql`t.due_at >= lp.horizon_at`];
  if (counts.table !== 'report_item_counts' || lp.progressSlack !== BEHIND_COUNTS_SLACK) {
    return sql`SELECT count(*) FROM tasks t ${lpJoin} ${sql.where([...working, sql`t.progress + lp.slack < 100`, sql.raw(behind)])}`;
  }
  const rows = (extra: Sql[]) => sql`SELECT count(*) FROM tasks t ${lpJoin} ${sql.where([...working, ...extra, sql.raw(behind)])}`;
  return behindFromCounts(lp.now, [...counts.where, sql`c.due_month >= lp.horizon`], rows, lpJoin);
}
