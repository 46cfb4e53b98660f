import { sql } from '../../db/sql';
import { Sql } from '../../db/sql';
import { scopeClauses, unitCountsFit, unitRowClause } from '../task-scope';
import { clockCte, clockDay, int, monthSide, num, OVERDUE, RATE, PageWindow, Paged, ReportClock, ReportScope, RunSql, SHANGHAI_DATE, SUM } from './report-sql';
import { afterRollupRead, rolledUpFor, rollupMonth, UnitRollupSync } from './unit-rollup';

export const UNIT_SORT_KEYS = ['onTimeRate', 'completionRate', 'overdue', 'assigned', 'averageDelayDays', 'name'] as const;
export type UnitSortKey = (typeof UNIT_SORT_KEYS)[number];

export interface UnitReportRow {
  rank: number;
  unitId: string;
  unitCode: string;
  unitName: string;
  assigned: number;
  asLead: number;
  asResponsible: number;
  assisting: number;
  completed: number;
  onTime: number;
  overdue: number;
  completionRate: number | null;
  onTimeRate: number | null;
  averageDelayDays: number | null;
  lastProgressAt: Date | null;
}

const UNIT_SORT_SQL: Record<UnitSortKey, string> = {
  onTimeRate: 'on_time_rate',
  completionRate: 'completion_rate',
  overdue: 'overdue',
  assigned: 'assigned',
  averageDelayDays: 'average_delay_days',
  name: 'name',
};

/** One row per unit that leads or is responsible for a visible item; ranked by `sort`. */
export async function unitsReport(
  run: RunSql,
  s: ReportScope,
  c: ReportClock,
  o: { sort: UnitSortKey; order: 'asc' | 'desc' } & PageWindow,
  sync?: UnitRollupSync,
): Promise<Paged<UnitReportRow>> {
  const sortExpr = sql.raw(`${UNIT_SORT_SQL[o.sort]} ${o.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`);
  const counted = unitCountsFit(s);
  const month = rollupMonth(c);
  const rows = await run(sql`
      WITH ${clockCte(c)},
      ${counted ? perUnitCounted(s, c, month) : perUnitFromRows(s)},
      ranked AS (
        SELECT per.*, u.code, u.name,
               ${RATE('per.completed', 'per.assigned')} AS completion_rate,
               ${RATE('per.on_time', 'per.completed')} AS on_time_rate
          FROM per JOIN units u ON u.id = per.unit_id
         WHERE per.assigned > 0
      )
      SELECT r.*, rank() OVER (ORDER BY ${sortExpr})::int AS rank, count(*) OVER ()::int AS total_rows
             ${counted ? sql`, ${rolledUpFor(month)} AS unit_rollup` : sql.empty}
        FROM ranked r
       ORDER BY ${sortExpr}, r.name, r.unit_id
       LIMIT ${o.limit} OFFSET ${o.offset}`);
  if (counted) await afterRollupRead(rows, month, sync);
  const total = rows.length ? int(rows[0].total_rows) : await countUnitRows(run, s, c);
  return {
    total,
    rows: rows.map((r) => ({
      rank: int(r.rank),
      unitId: r.unit_id as string,
      unitCode: r.code as string,
      unitName: r.name as string,
      assigned: int(r.assigned),
      asLead: int(r.as_lead),
      asResponsible: int(r.as_responsible),
      assisting: int(r.assisting),
      completed: int(r.completed),
      onTime: int(r.on_time),
      overdue: int(r.overdue),
      completionRate: num(r.completion_rate),
      onTimeRate: num(r.on_time_rate),
      averageDelayDays: num(r.average_delay_days),
      lastProgressAt: (r.last_progress_at as Date | null) ?? null,
    })),
  };
}

/** The per-unit aggregates every column of the report is computed from (`per`). */
const PER_UNIT = sql`
               ${SUM(`role <> 'assisting'`)} AS assigned,
               ${SUM(`role = 'lead'`)} AS as_lead,
               ${SUM(`role = 'responsible'`)} AS as_responsible,
               ${SUM(`role = 'assisting'`)} AS assisting,
               ${SUM(`role <> 'assisting' AND k IN (1, 3)`)} AS completed,
               ${SUM(`role <> 'assisting' AND k = 3`)} AS on_time,
               ${SUM(`role <> 'assisting' AND k = 4`)} AS overdue,
               round(sum(delay_sum) FILTER (WHERE role <> 'assisting')::numeric
                     / NULLIF(sum(delay_n) FILTER (WHERE role <> 'assisting'), 0), 1) AS average_delay_days`;

/**
 * From the items (a scope with item filters): per item, once, k as below and delay = days late
 * (completed) or overdue so far. OFFSET 0 keeps this a step of its own, so the hash the
 * assignments probe holds (id, k, delay) and not the items' columns. Without item filters every
 * assignment's item is in scope (task_id is a NOT NULL foreign key): only the items that are
 * completed or overdue need joining, the rest count by role alone.
 */
function perUnitFromRows(s: ReportScope): Sql {
  const scope = scopeClauses(s);
  const everyItem = scope.length === 0;
  return sql`
      x AS (
        SELECT t.id, c.k,
               CASE WHEN c.k = 1 AND t.completed_at > t.due_at THEN ${SHANGHAI_DATE('t.completed_at')} - ${SHANGHAI_DATE('t.due_at')}
                    WHEN c.k = 4 THEN lp.today - ${SHANGHAI_DATE('t.due_at')} END AS delay
          FROM tasks t CROSS JOIN lp
          CROSS JOIN LATERAL (SELECT CASE WHEN t.status = 'completed' THEN CASE WHEN t.completed_at <= t.due_at THEN 3 ELSE 1 END
                                          WHEN ${OVERDUE} THEN 4 ELSE 0 END AS k) c
         ${sql.where(everyItem ? [sql`c.k <> 0`] : scope)}
        OFFSET 0
      ),
      -- Counts per unit, role and item class first (a few hundred groups), then one row per unit.
      g AS (
        SELECT a.unit_id, a.role, COALESCE(x.k, 0) AS k, count(*) AS n, sum(x.delay) AS delay_sum, count(x.delay) AS delay_n,
               max(a.last_progress_at) AS last_at
          FROM assignments a ${sql.raw(everyItem ? 'LEFT JOIN' : 'JOIN')} x ON x.id = a.task_id
         WHERE ${unitRowClause(s, sql`a.unit_id`)}
         GROUP BY 1, 2, 3
      ),
      per AS (
        SELECT unit_id, ${PER_UNIT}, max(last_at) FILTER (WHERE role <> 'assisting') AS last_progress_at
          FROM g
         GROUP BY unit_id
      )`;
}

/**
 * From the unit classes (report_unit_classes, no item filter in scope): per (unit, role) the item
 * classes of the report, k = 1 completed late (or without a time), 3 completed on time, 4 overdue,
 * 0 else. Open items not submitted by their deadline are counted by deadline month: before this
 * month an open item not submitted by its deadline is overdue, after it none is. This month's such
 * items are counted as one class, not overdue, and those whose deadline the clock has passed are
 * moved to overdue: the days before the clock's Shanghai date from report_unit_days
 * (1736650000000), the clock's own date row by row (deadlines from its midnight to the clock). A
 * clock whose date is not in the month of `today` takes the earlier correction, row by row on the
 * side of the month the clock is on (monthSide). Each branch is summed per (unit, role, class)
 * before the per-unit columns. A unit's latest progress is one probe of assignments_unit_progress_idx.
 * The classes are read rolled up for the clock's month (report_unit_rollup, 1736680000000) when the
 * rollup is for it, else per deadline month (the statement says which; see afterRollupRead).
 */
function perUnitCounted(s: ReportScope, c: ReportClock, month: string): Sql {
  const capable = (status: string, inTime: string) =>
    sql.raw(`${status} NOT IN ('completed', 'cancelled', 'suspended') AND NOT (${status} = 'submitted' AND ${inTime})`);
  const nowDay = clockDay(c);
  const past = nowDay !== null || monthSide(c) === 'past';
  // This month's open items count as not overdue (then read: those due before the clock) or as overdue (then read: the rest).
  const countedLate = sql`c.cls = 5 AND c.due_month ${sql.raw(past ? '<' : '<=')} lp.month`;
  // The same from the rollup for this month (report_unit_rollup): the deadline month's side of it.
  const rolledLate = sql`c.cls = 5 AND c.side ${sql.raw(past ? '<' : '<=')} 0`;
  const classes = (table: string, late: Sql, when: Sql) => sql`
        SELECT c.unit_id, c.role, CASE WHEN c.cls IN (1, 3) THEN c.cls WHEN ${late} THEN 4 ELSE 0 END AS k,
               sum(c.n) AS n,
               sum(CASE WHEN c.cls IN (1, 3) THEN c.delay_sum WHEN ${late} THEN c.n * lp.today_day - c.due_day_sum END) AS delay_sum,
               sum(CASE WHEN c.cls IN (1, 3) THEN c.delay_n WHEN ${late} THEN c.n END) AS delay_n
          FROM ${sql.raw(table)} c CROSS JOIN lp
         WHERE c.report = 'units' AND ${unitRowClause(s, sql`c.unit_id`)} AND ${when}
         GROUP BY 1, 2, 3`;
  // A row read moves one item from the class it was counted in to the one the clock gives it:
  // sign +1 in the new class, −1 in the old; the row whose `late` is 1 is the one in class 4 (overdue).
  const late = sql.raw(past ? 'f.sign' : '-f.sign');
  // The clock's own day by constants, not lp's columns, so the planner estimates a day's rows from the
  // index statistics (with lp's columns it expected a third of the month's items).
  const range =
    nowDay === null
      ? past
        ? sql`t.due_at >= lp.month_at AND t.due_at < lp.now`
        : sql`t.due_at >= lp.now AND t.due_at < lp.next_month_at`
      : sql`t.due_at >= ${new Date(`${nowDay}T00:00:00+08:00`)}::timestamptz AND t.due_at < ${c.now}::timestamptz`;
  return sql`
      g AS (${classes('report_unit_rollup', rolledLate, rolledUpFor(month))}
        UNION ALL${classes('report_unit_classes', countedLate, sql`NOT ${rolledUpFor(month)}`)}
        ${
          nowDay === null
            ? sql.empty
            : sql`UNION ALL
        -- This month's days before the clock's: overdue, summed per day.
        SELECT d.unit_id, d.role, CASE WHEN f.sign = 1 THEN 4 ELSE 0 END, sum(f.sign * d.n),
               sum(d.n * (lp.today - d.due_day)) FILTER (WHERE f.sign = 1), sum(d.n) FILTER (WHERE f.sign = 1)
          FROM report_unit_days d CROSS JOIN lp CROSS JOIN (VALUES (1), (-1)) AS f(sign)
         WHERE d.due_day >= lp.month AND d.due_day < ${nowDay}::date AND ${unitRowClause(s, sql`d.unit_id`)}
         GROUP BY 1, 2, 3`
        }
        UNION ALL
        -- Open items due this month on the other side of the clock than they were counted, read one by one.
        SELECT a.unit_id, a.role, CASE WHEN ${late} = 1 THEN 4 ELSE 0 END, sum(f.sign),
               sum(f.sign * (lp.today - ${SHANGHAI_DATE('t.due_at')})) FILTER (WHERE ${late} = 1), sum(f.sign) FILTER (WHERE ${late} = 1)
          FROM tasks t CROSS JOIN lp JOIN assignments a ON a.task_id = t.id CROSS JOIN (VALUES (1), (-1)) AS f(sign)
         WHERE ${range}
           AND ${capable('t.status', '(t.submitted_at IS NOT NULL AND t.submitted_at <= t.due_at)')}
           AND ${unitRowClause(s, sql`a.unit_id`)}
         GROUP BY 1, 2, 3
      ),
      per AS (
        SELECT unit_id, ${PER_UNIT},
               (SELECT max(l.last_progress_at) FROM assignments l WHERE l.unit_id = g.unit_id AND l.role IN ('lead', 'responsible')) AS last_progress_at
          FROM g
         GROUP BY unit_id
      )`;
}

/** Only for a page past the end, where the window count has no row to ride on. */
async function countUnitRows(run: RunSql, s: ReportScope, c: ReportClock): Promise<number> {
  const [r] = await run(sql`
      WITH ${clockCte(c)}
      SELECT count(DISTINCT a.unit_id)::int AS n
        FROM assignments a JOIN tasks t ON t.id = a.task_id CROSS JOIN lp
       ${sql.where([...scopeClauses(s), sql`a.role <> 'assisting'`, unitRowClause(s, sql`a.unit_id`)])}`);
  return int(r.n);
}
