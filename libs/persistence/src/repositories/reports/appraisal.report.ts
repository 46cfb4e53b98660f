import { ACK_COUNTS_DUE_TIME } from '../../migrations/1736510000000-report-ack-due-time';
import { Sql, sql } from '../../db/sql';
import { scopeClauses, unitCountsFit, unitRowClause } from '../task-scope';
import { clockCte, COUNTED_DUE, int, monthSide, num, RATE, ReportClock, ReportScope, RunSql, SHANGHAI_DATE, SUM } from './report-sql';

export interface AppraisalRow {
  unitId: string;
  unitCode: string;
  unitName: string;
  assigned: number;
  appraised: number;
  onTime: number;
  late: number;
  extendedInTime: number;
  onTimeRate: number | null;
  yellowNotices: number;
  redNotices: number;
  lateAcknowledgements: number;
  lateProgressReports: number;
}

/** The acknowledgement deadline of each assignment date, from libs/domain (working-day calendar). */
export type AckDue = (fromDate: string, toDate: string) => { date: string; dueAt: Date }[];

/**
 * The acknowledgement deadline of each assignment date as one array indexed by days since the first
 * date (gaps NULL), so SQL reads an assignment's deadline by subscript instead of a join per row.
 */
function ackArray(table: { date: string; dueAt: Date }[]): { first: string | null; dues: (Date | null)[] } {
  if (!table.length) return { first: null, dues: [] };
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
  const sorted = [...table].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = sorted[0].date;
  const dues: (Date | null)[] = new Array<Date | null>(day(sorted[sorted.length - 1].date) - day(first) + 1).fill(null);
  for (const x of sorted) dues[day(x.date) - day(first)] = x.dueAt;
  return { first, dues };
}

/**
 * 考核 per unit (lead or responsible): lateness against the original deadline unless an extension
 * was approved before it passed; notices (yellow 催办, red 督办) and progress-cycle urges from the
 * reminder engine's sent rows; acknowledgements (签收) after the deadline ackDue gives for the
 * assignment's Shanghai date.
 */
export async function appraisalReport(run: RunSql, s: ReportScope, c: ReportClock, ackDue: AckDue): Promise<AppraisalRow[]> {
  const [{ first }] = await run<{ first: string | null }>(
    sql`SELECT (min(created_at) AT TIME ZONE 'Asia/Shanghai')::date::text AS first FROM assignments`,
  );
  const ack = ackArray(first ? ackDue(first, c.today) : []);
  const counted = unitCountsFit(s);
  const scope = scopeClauses(s);
  const rows = await run(sql`
      WITH ${clockCte(c)},
      ${counted ? perItemClassCounted(s, c) : perItemClassFromRows(s)},
      -- The acknowledgement deadline by subscript: days since the first calendar date.
      ${counted ? lateAcksCounted(s, ack) : lateAcksFromRows(s, ack)},
      per AS (
        SELECT unit_id,
               ${SUM('k >= 0')} AS assigned,
               ${SUM('k >= 0 AND k & 1 = 1')} AS on_time,
               ${SUM('k >= 0 AND k & 2 = 2')} AS late,
               ${SUM('k >= 0 AND k & 4 = 4')} AS extended_in_time,
               COALESCE((SELECT la.n FROM late_acks la WHERE la.unit_id = g.unit_id), 0)::int AS late_ack
          FROM g
         GROUP BY unit_id
      ),
      ${scope.length ? noticesFromRows(scope) : NOTICES_COUNTED}
      SELECT per.*, u.code, u.name, ${RATE('per.on_time', 'per.on_time + per.late')} AS on_time_rate,
             COALESCE(n.yellow, 0) AS yellow, COALESCE(n.red, 0) AS red, COALESCE(n.late_reports, 0) AS late_reports
        FROM per JOIN units u ON u.id = per.unit_id LEFT JOIN notices n ON n.unit_id = per.unit_id
       ORDER BY on_time_rate DESC NULLS LAST, per.late ASC, u.name`);
  return rows.map((r) => ({
    unitId: r.unit_id as string,
    unitCode: r.code as string,
    unitName: r.name as string,
    assigned: int(r.assigned),
    appraised: int(r.on_time) + int(r.late),
    onTime: int(r.on_time),
    late: int(r.late),
    extendedInTime: int(r.extended_in_time),
    onTimeRate: num(r.on_time_rate),
    yellowNotices: int(r.yellow),
    redNotices: int(r.red),
    lateAcknowledgements: int(r.late_ack),
    lateProgressReports: int(r.late_reports),
  }));
}

/** Yellow and red notices and progress-cycle urges per unit, among the sent reminders of the items in scope. */
const noticesFromRows = (scope: Sql[]) => sql`
      notices AS (
        SELECT r.unit_id,
               count(*) FILTER (WHERE r.notice_level = 'yellow')::int AS yellow,
               count(*) FILTER (WHERE r.notice_level = 'red')::int AS red,
               count(*) FILTER (WHERE r.reason = 'progress_cycle' AND r.kind = 'urge')::int AS late_reports
          FROM reminders r JOIN tasks t ON t.id = r.task_id
         WHERE r.state = 'sent' AND r.unit_id IS NOT NULL AND ${sql.join(scope, ' AND ')}
         GROUP BY r.unit_id
      )`;

/** The same for every item, from report_notice_counts (migration 1736610000000): a few keys per unit. */
const NOTICES_COUNTED = sql`
      notices AS (
        SELECT c.unit_id,
               COALESCE(sum(c.n) FILTER (WHERE c.notice_level = 'yellow'), 0)::int AS yellow,
               COALESCE(sum(c.n) FILTER (WHERE c.notice_level = 'red'), 0)::int AS red,
               COALESCE(sum(c.n) FILTER (WHERE c.reason = 'progress_cycle' AND c.kind = 'urge'), 0)::int AS late_reports
          FROM report_notice_counts c
         GROUP BY c.unit_id
      )`;

const EXTENDED = sql.raw(`(t.extension_approved_at IS NOT NULL AND t.extension_approved_at <= t.original_due_at)`);
type AckArray = ReturnType<typeof ackArray>;
/** Whether assignment `a`'s acknowledgement came (or, still missing, is) after its deadline. */
const LATE_ACK = (ack: AckArray) =>
  sql`COALESCE(a.acknowledged_at, lp.now) > (${ack.dues}::timestamptz[])[${SHANGHAI_DATE('a.created_at')} - ${ack.first}::date + 1]`;

/**
 * From the items: per item, once, k = -1 cancelled (counts nowhere), else bits 1 on time, 2 late,
 * 4 extended in time; then per (unit, class). As in units: without item filters only the items that
 * change a count need joining.
 */
function perItemClassFromRows(s: ReportScope): Sql {
  const scope = scopeClauses(s);
  const everyItem = scope.length === 0;
  return sql`
      x AS (
        SELECT t.id, CASE WHEN t.status = 'cancelled' THEN -1
                          ELSE CASE WHEN t.status = 'completed' AND t.completed_at <= c.due THEN 1 ELSE 0 END
                             + CASE WHEN COALESCE(t.completed_at, lp.now) > c.due THEN 2 ELSE 0 END
                             + CASE WHEN ${EXTENDED} THEN 4 ELSE 0 END END AS k
          FROM tasks t CROSS JOIN lp CROSS JOIN LATERAL (SELECT ${COUNTED_DUE} AS due) c
         ${sql.where(
           everyItem ? [sql`(t.status IN ('cancelled', 'completed') OR COALESCE(t.completed_at, lp.now) > c.due OR ${EXTENDED})`] : scope,
         )}
        OFFSET 0
      ),
      g AS (
        SELECT a.unit_id, COALESCE(x.k, 0) AS k, count(*) AS n
          FROM assignments a ${sql.raw(everyItem ? 'LEFT JOIN' : 'JOIN')} x ON x.id = a.task_id
         WHERE a.role IN ('lead', 'responsible') AND ${unitRowClause(s, sql`a.unit_id`)}
         GROUP BY 1, 2
      )`;
}

/** Late acknowledgements per unit, among the items in scope that are not cancelled. */
function lateAcksFromRows(s: ReportScope, ack: AckArray): Sql {
  return sql`
      late_acks AS MATERIALIZED (
        SELECT a.unit_id, count(*) FILTER (WHERE ${LATE_ACK(ack)}) AS n
          FROM assignments a JOIN tasks t ON t.id = a.task_id CROSS JOIN lp
         ${sql.where([...scopeClauses(s), sql`t.status <> 'cancelled'`, sql`a.role IN ('lead', 'responsible')`, unitRowClause(s, sql`a.unit_id`)])}
         GROUP BY a.unit_id
      )`;
}

/**
 * From the unit classes (report_unit_classes, no item filter in scope): the classes are bits (8: not
 * completed, by the month of its counted deadline), and
 * "late" of an item not completed is "its counted deadline has passed": before this month it has,
 * after this month it has not. This month's such items are counted as one class and corrected row
 * by row for those whose counted deadline the clock has (or, late in the month, has not yet) passed
 * (monthSide, tasks_counted_due_idx), as in the units report. Each branch is summed per (unit,
 * class) first.
 */
function perItemClassCounted(s: ReportScope, c: ReportClock): Sql {
  const past = monthSide(c) === 'past';
  // A row read moves one item between "late" (2) and not: sign +1 in the class the clock gives it, −1 in the one counted.
  const late = sql.raw(past ? 'f.sign' : '-f.sign');
  return sql`
      g AS (
        SELECT c.unit_id,
               CASE WHEN c.cls = -1 THEN -1
                    ELSE (c.cls & 7) + CASE WHEN c.cls & 8 = 8 AND c.due_month ${sql.raw(past ? '<' : '<=')} lp.month THEN 2 ELSE 0 END END AS k,
               sum(c.n) AS n
          FROM report_unit_classes c CROSS JOIN lp
         WHERE c.report = 'appraisal' AND ${unitRowClause(s, sql`c.unit_id`)}
         GROUP BY 1, 2
        UNION ALL
        SELECT a.unit_id, CASE WHEN ${late} = 1 THEN 2 ELSE 0 END + CASE WHEN ${EXTENDED} THEN 4 ELSE 0 END, sum(f.sign)
          FROM tasks t CROSS JOIN lp JOIN assignments a ON a.task_id = t.id CROSS JOIN (VALUES (1), (-1)) AS f(sign)
         WHERE t.completed_at IS NULL AND t.status <> 'cancelled'
           AND ${past ? sql`${COUNTED_DUE} >= lp.month_at AND ${COUNTED_DUE} < lp.now` : sql`${COUNTED_DUE} >= lp.now AND ${COUNTED_DUE} < lp.next_month_at`}
           AND a.role IN ('lead', 'responsible') AND ${unitRowClause(s, sql`a.unit_id`)}
         GROUP BY 1, 2
      )`;
}

/**
 * Late acknowledgements per unit, every assignment of the unit whose item is not cancelled, from
 * report_ack_counts (migrations 1736210000000, 1736510000000): per assignment date, a key acknowledged
 * after the deadline's date is late and one before it is not; a missing acknowledgement is late once
 * the clock passes the deadline. On the deadline's own date the key's flag "after 18:00" decides when
 * that date's deadline is at 18:00 (ACK_COUNTS_DUE_TIME, the default DUE_TIME); for a deadline at
 * another time of day those acknowledgements are compared instant by instant, read through
 * assignments_ack_days_idx.
 */
function lateAcksCounted(s: ReportScope, ack: AckArray): Sql {
  const shanghaiDay = (col: string) => sql.raw(`((${col} AT TIME ZONE 'Asia/Shanghai')::date)`);
  return sql`
      ack_due AS MATERIALIZED (
        SELECT (${ack.first}::date + (x.i - 1)::int) AS d, x.due, ${shanghaiDay('x.due')} AS due_day,
               (x.due AT TIME ZONE 'Asia/Shanghai')::time = time ${sql.raw(`'${ACK_COUNTS_DUE_TIME}'`)} AS counted_time
          FROM unnest(${ack.dues}::timestamptz[]) WITH ORDINALITY AS x(due, i)
         WHERE x.due IS NOT NULL
      ),
      late_acks AS MATERIALIZED (
        SELECT unit_id, sum(n) AS n
          FROM (SELECT k.unit_id, k.n
                  FROM report_ack_counts k JOIN ack_due b ON b.d = k.created_day CROSS JOIN lp
                 WHERE k.role IN ('lead', 'responsible') AND NOT k.cancelled AND ${unitRowClause(s, sql`k.unit_id`)}
                   AND CASE WHEN k.ack_day = 'infinity'::date THEN lp.now > b.due
                            WHEN k.ack_day <> b.due_day THEN k.ack_day > b.due_day
                            ELSE b.counted_time AND k.ack_after_due_time END
                UNION ALL
                SELECT a.unit_id, 1
                  FROM ack_due b
                  JOIN assignments a ON ${shanghaiDay('a.created_at')} = b.d AND ${shanghaiDay('a.acknowledged_at')} = b.due_day
                 WHERE NOT b.counted_time
                   AND a.role IN ('lead', 'responsible') AND a.acknowledged_at IS NOT NULL AND a.acknowledged_at > b.due
                   AND ${unitRowClause(s, sql`a.unit_id`)}
                   AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = a.task_id AND t.status = 'cancelled')) x
         GROUP BY unit_id
      )`;
}
