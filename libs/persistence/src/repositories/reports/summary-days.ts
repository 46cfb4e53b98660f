import { shanghaiDate } from '@app/domain';
import { Sql, sql } from '../../db/sql';
import { BEHIND_COUNTS_SLACK } from '../../migrations/1736410000000-report-behind-counts';
import { behindFromCounts } from './behind-counts';
import { CountsScope, scopeClauses } from '../task-scope';
import { BEHIND, clockCte, int, ReportClock, ReportScope, RunSql } from './report-sql';

/**
 * The summary's open items due from this month up to its horizon, from report_due_days
 * (1736600000000) instead of row by row, and its behind-schedule count (yellow by progress) for every
 * working item due from the yellow date on, near months and past the horizon alike.
 *
 * Per Shanghai deadline day D, with N the clock's own Shanghai date (`nowDay`):
 * - D < N: due before the clock, so overdue and red, except submitted in time (green);
 * - D > N: not overdue: submitted green, working yellow when D is before the yellow date, else green
 *   (the behind count below moves the behind ones to yellow);
 * - D = N: the items already past their deadline are read by row (tasks_open_due_idx, due between
 *   N's midnight and the clock); the rest are as for D > N (the yellow date is after N, see dueDaysFit).
 * "Due in the next 7 / 30 days" is a range of days, and days overdue is Σ n × (today − D).
 *
 * Behind schedule (the light's progress rule) among working items due from the yellow date Y on:
 * behind(due ≥ first of Y's month) − behind(first of Y's month ≤ due < Y). The first is summed from
 * report_behind_counts as for the horizon before (weeks before the clock's summed, the clock's week
 * and infinite instants read through tasks_behind_day_idx); of the second, the days before N are all
 * behind (deadline passed, progress + slack < 100: the behind_able column) and the days from N up to
 * Y are read by row (tasks_working_due_idx), a few days' working items.
 */

export type SummaryPart = Record<string, number>;

/** The Shanghai date of an instant: the fixed UTC+8 offset, which the tz database has for Asia/Shanghai since 1991. */
function shanghaiDay(now: Date): string | null {
  return now.getTime() >= Date.parse('1992-01-01T00:00:00+08:00') ? shanghaiDate(now) : null;
}

/**
 * The clock's Shanghai date when the day path answers exactly: item counts (all items or a plan), the
 * slack report_behind_counts holds, and a yellow date after the clock's day and not before this month
 * (always so for the app's clock: yellowBefore is working days after today); else null.
 */
export function dueDaysFit(c: ReportClock, counts: CountsScope): string | null {
  const nowDay = shanghaiDay(c.now);
  if (!nowDay || counts.table !== 'report_item_counts' || c.progressSlack !== BEHIND_COUNTS_SLACK) return null;
  return c.yellowBefore > nowDay && c.yellowBefore >= `${c.today.slice(0, 7)}-01` ? nowDay : null;
}

const WORKING = `('assigned', 'acknowledged', 'in_progress', 'returned')`;
const OPEN = `('submitted', ${WORKING.slice(1, -1)})`;
const midnight = (day: string) => sql`(${day}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`;

/** The figures of the near months as one row (DUE_DAYS_FIGURES): the summary's part, and GET /tasks's total for a light or overdue filter. */
export function dueDaysSql(s: ReportScope, c: ReportClock, counts: CountsScope, nowDay: string): Sql {
  const ybMonth = `${c.yellowBefore.slice(0, 7)}-01`;
  const nd = sql.param(nowDay);
  const working = [...scopeClauses(s), sql.raw(`t.status IN ${WORKING}`)];
  const behindRows = (where: Sql[]) => sql`(SELECT count(*) FILTER (WHERE ${BEHIND}) FROM tasks t CROSS JOIN lp ${sql.where([...working, ...where])})`;
  const fromYbMonth = sql`t.due_at >= ${midnight(ybMonth)}`;
  const windowStart = ybMonth > nowDay ? ybMonth : nowDay;
  const D = sql.raw('c.due_day');
  const notOverdue = sql`(CASE WHEN ${D} < ${nd} THEN c.sub_in_time ELSE c.sub_in_time + c.sub_other + c.working END)`;
  return sql`
      WITH ${clockCte(c)},
      past AS (SELECT count(*) AS n, count(*) FILTER (WHERE t.status IN ${sql.raw(WORKING)}) AS working
                 FROM tasks t CROSS JOIN lp
                ${sql.where([
                  ...scopeClauses(s),
                  sql.raw(`t.status IN ${OPEN}`),
                  sql`t.due_at >= ${midnight(nowDay)}`,
                  sql`t.due_at < lp.now`,
                  sql`t.due_at >= lp.month_at`,
                  sql`t.due_at < lp.horizon_at`,
                  sql`NOT (t.status = 'submitted' AND t.submitted_at IS NOT NULL AND t.submitted_at <= t.due_at)`,
                ])}),
      days AS (SELECT
                 COALESCE(sum(c.sub_other + c.working) FILTER (WHERE ${D} < ${nd}), 0) AS late,
                 COALESCE(sum((c.sub_other + c.working) * (lp.today - ${D})) FILTER (WHERE ${D} < ${nd}), 0) AS late_days,
                 COALESCE(sum(c.sub_in_time), 0) + COALESCE(sum(c.sub_other) FILTER (WHERE ${D} >= ${nd}), 0)
                   + COALESCE(sum(c.working) FILTER (WHERE ${D} >= lp.yellow_before), 0) AS green,
                 COALESCE(sum(c.working) FILTER (WHERE ${D} >= ${nd} AND ${D} < lp.yellow_before), 0) AS yellow,
                 COALESCE(sum(${notOverdue}) FILTER (WHERE ${D} >= lp.today AND ${D} < lp.today + 8), 0) AS due_next_7,
                 COALESCE(sum(${notOverdue}) FILTER (WHERE ${D} >= lp.today AND ${D} < lp.today + 31), 0) AS due_next_30,
                 COALESCE(sum(c.behind_able) FILTER (WHERE ${D} >= ${ybMonth}::date AND ${D} < ${nd}), 0) AS behind_before_today
                 FROM report_due_days c CROSS JOIN lp
                ${sql.where([...counts.where, sql`c.due_day >= lp.month`, sql`c.due_day < lp.horizon`])})
      SELECT d.late + p.n AS overdue, d.late + p.n AS red,
             d.late_days + p.n * (lp.today - ${nd}::date) AS days_overdue,
             d.green - (p.n - p.working) AS green, d.yellow - p.working AS yellow,
             d.due_next_7 - CASE WHEN ${nd}::date >= lp.today AND ${nd}::date < lp.today + 8 THEN p.n ELSE 0 END AS due_next_7,
             d.due_next_30 - CASE WHEN ${nd}::date >= lp.today AND ${nd}::date < lp.today + 31 THEN p.n ELSE 0 END AS due_next_30,
             ${behindFromCounts(c.now, [...counts.where, sql`c.due_month >= ${ybMonth}::date`], (extra) => behindRows([fromYbMonth, ...extra]))}
               - d.behind_before_today
               - ${behindRows([sql.raw(`t.progress < ${100 - BEHIND_COUNTS_SLACK}`), sql`t.due_at >= ${midnight(windowStart)}`, sql`t.due_at < ${midnight(c.yellowBefore)}`])} AS yellow_later
        FROM days d CROSS JOIN past p CROSS JOIN lp`;
}

/** The columns of dueDaysSql's row. */
export const DUE_DAYS_FIGURES = ['overdue', 'red', 'days_overdue', 'green', 'yellow', 'due_next_7', 'due_next_30', 'yellow_later'] as const;

export async function dueDaysPart(run: RunSql, s: ReportScope, c: ReportClock, counts: CountsScope, nowDay: string): Promise<SummaryPart> {
  const [r] = await run(dueDaysSql(s, c, counts, nowDay));
  return Object.fromEntries(DUE_DAYS_FIGURES.map((k) => [k, int(r[k])]));
}
