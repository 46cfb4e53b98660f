import { ACK_COUNTS_DUE_TIME } from '../../migrations/1736510000000-report-ack-due-time';
import { LATE_ACK_KEY } from '../../migrations/1736660000000-report-late-acks';
import { Param, Sql, sql } from '../../db/sql';
import { scopeClauses, unitCountsFit, unitRowClause } from '../task-scope';
import { AckDue, ackWindow, AckWindow, ackWindowCovers, knownFirst } from './ack-window';
import { afterRollupRead, rolledUpFor, rollupMonth, UnitRollupSync } from './unit-rollup';
import { clockCte, clockDay, COUNTED_DUE, int, monthSide, num, RATE, ReportClock, ReportScope, RunSql, SHANGHAI_DATE, SUM } from './report-sql';

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

export type { AckDue, AckWindow } from './ack-window';

/** Rewrites the late-acknowledgement count for a window whose fingerprint the database does not hold (syncAckDeadlines). */
export type AckDeadlinesSync = (window: AckWindow) => Promise<void>;

/**
 * 考核 per unit (lead or responsible): lateness against the original deadline unless an extension
 * was approved before it passed; notices (yellow 催办, red 督办) and progress-cycle urges from the
 * reminder engine's sent rows; acknowledgements (签收) after the deadline ackDue gives for the
 * assignment's Shanghai date.
 */
export async function appraisalReport(
  run: RunSql,
  s: ReportScope,
  c: ReportClock,
  ackDue: AckDue,
  sync?: { ackDeadlines?: AckDeadlinesSync; unitRollup?: UnitRollupSync },
): Promise<AppraisalRow[]> {
  // The first assignment date is read once per AckDue; after that the statement itself says
  // (first_day) whether an older assignment appeared, and only then is it run again with more dates.
  let from = knownFirst(ackDue) ?? (await firstAssignmentDay(run));
  for (;;) {
    const ack = from === null ? { first: null, dues: sql.param('{}') } : ackWindow(ackDue, from, c.today);
    const rows = await run(statement(s, c, ack));
    const firstDay = rows.length ? (rows[0].first_day as string | null) : null;
    if (firstDay === null || ackWindowCovers(from, firstDay, c.today)) {
      // These rows counted the keys one by one (the stored count is for another window): correct, and
      // the next request reads the count once it is rewritten for this window.
      if (sync?.ackDeadlines && ack.fingerprint && rows.length && rows[0].ack_synced === false) await sync.ackDeadlines(ack);
      if (unitCountsFit(s)) await afterRollupRead(rows, rollupMonth(c), sync?.unitRollup);
      return rows.map(toRow);
    }
    from = firstDay;
  }
}

/**
 * Makes ack_deadlines the window's deadline dates and report_late_acks their recount, for the
 * window's fingerprint (migration 1736660000000). Run it in a transaction on the primary: the lock
 * waits for the transactions writing report_ack_counts and holds off new ones until the commit, so
 * no trigger counts a key against the old deadlines after the recount read the keys.
 */
export async function syncAckDeadlines(run: RunSql, w: AckWindow): Promise<void> {
  if (!w.fingerprint || !w.perDate || w.first === null) return;
  await run(sql`SET LOCAL lock_timeout = '2s'`);
  await run(sql`LOCK TABLE report_ack_counts IN SHARE ROW EXCLUSIVE MODE`);
  await run(sql`DELETE FROM ack_deadlines`);
  await run(sql`
      INSERT INTO ack_deadlines (created_day, due_day)
      SELECT ${w.first}::date + (x.i - 1)::int, x.d FROM unnest(${w.perDate.dueDays}::date[]) WITH ORDINALITY AS x(d, i) WHERE x.d IS NOT NULL`);
  await run(sql`DELETE FROM report_late_acks`);
  await run(sql`
      INSERT INTO report_late_acks (unit_id, n)
      SELECT k.unit_id, sum(k.n) FROM report_ack_counts k JOIN ack_deadlines b ON b.created_day = k.created_day
       WHERE ${sql.raw(LATE_ACK_KEY('k', 'b'))}
       GROUP BY k.unit_id HAVING sum(k.n) <> 0`);
  await run(sql`UPDATE ack_deadline_sync SET fingerprint = ${w.fingerprint}`);
}

async function firstAssignmentDay(run: RunSql): Promise<string | null> {
  const [{ first }] = await run<{ first: string | null }>(sql`SELECT ${FIRST_DAY} AS first`);
  return first;
}

/**
 * Keeps the statement off parallel workers when it reads the clock's own day by row: current_schema()
 * is PARALLEL UNSAFE in pg_proc, so PostgreSQL plans the whole statement serially. At 1M items the
 * day's estimate (thousands of rows from the deadline statistics) made it start a Gather for a few
 * rows, ~80 ms of worker start-up per request against 1 ms of work.
 */
const SERIAL = sql.raw(`, current_schema() IS NOT NULL AS serial_plan`);

/** The Shanghai date of the first assignment, as the deadline table starts from. */
const FIRST_DAY = sql.raw(`(SELECT (min(created_at) AT TIME ZONE 'Asia/Shanghai')::date::text FROM assignments)`);

function statement(s: ReportScope, c: ReportClock, ack: AckWindow): Sql {
  const counted = unitCountsFit(s);
  const month = rollupMonth(c);
  const scope = scopeClauses(s);
  return sql`
      WITH ${clockCte(c)},
      ${counted ? perItemClassCounted(s, c, month) : perItemClassFromRows(s)},
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
             COALESCE(n.yellow, 0) AS yellow, COALESCE(n.red, 0) AS red, COALESCE(n.late_reports, 0) AS late_reports,
             ${FIRST_DAY} AS first_day${counted && clockDay(c) !== null ? SERIAL : sql.empty}${
               counted && ack.fingerprint ? sql`, ${synced(ack.fingerprint)} AS ack_synced` : sql.empty
             }${counted ? sql`, ${rolledUpFor(month)} AS unit_rollup` : sql.empty}
        FROM per JOIN units u ON u.id = per.unit_id LEFT JOIN notices n ON n.unit_id = per.unit_id
       ORDER BY on_time_rate DESC NULLS LAST, per.late ASC, u.name`;
}

function toRow(r: Record<string, unknown>): AppraisalRow {
  return {
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
  };
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
/** Whether assignment `a`'s acknowledgement came (or, still missing, is) after its deadline. */
const LATE_ACK = (ack: AckWindow) =>
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
function lateAcksFromRows(s: ReportScope, ack: AckWindow): Sql {
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
 * completed, by the month of its counted deadline), and "late" of an item not completed is "its
 * counted deadline has passed": before this month it has, after this month it has not. This month's
 * such items are counted as one class, not late, and those whose counted deadline the clock has passed
 * are moved to late: the days before the clock's Shanghai date from report_appraisal_days (1736630000000),
 * the clock's own date row by row (deadlines from its midnight to the clock). A clock whose date is
 * not in the month of `today` takes the earlier correction, row by row on the side of the month the
 * clock is on (monthSide, tasks_counted_due_idx). Each branch is summed per (unit, class) first.
 */
function perItemClassCounted(s: ReportScope, c: ReportClock, month: string): Sql {
  const nowDay = clockDay(c);
  const past = nowDay !== null || monthSide(c) === 'past';
  // Per (unit, class) from the rollup for the clock's month (report_unit_rollup) when it is for it, else per deadline month.
  const classes = (table: string, beforeMonth: Sql, when: Sql) => sql`
        SELECT c.unit_id,
               CASE WHEN c.cls = -1 THEN -1
                    ELSE (c.cls & 7) + CASE WHEN c.cls & 8 = 8 AND ${beforeMonth} THEN 2 ELSE 0 END END AS k,
               sum(c.n) AS n
          FROM ${sql.raw(table)} c CROSS JOIN lp
         WHERE c.report = 'appraisal' AND ${unitRowClause(s, sql`c.unit_id`)} AND ${when}
         GROUP BY 1, 2`;
  // The clock's own day by constants, not lp's columns, so the planner estimates a day's rows from the
  // index statistics (with lp's columns it guessed a third of the month and hashed every assignment).
  const range =
    nowDay === null
      ? past
        ? sql`${COUNTED_DUE} >= lp.month_at AND ${COUNTED_DUE} < lp.now`
        : sql`${COUNTED_DUE} >= lp.now AND ${COUNTED_DUE} < lp.next_month_at`
      : sql`${COUNTED_DUE} >= ${new Date(`${nowDay}T00:00:00+08:00`)}::timestamptz AND ${COUNTED_DUE} < ${c.now}::timestamptz`;
  // A row read moves one item between "late" (2) and not: sign +1 in the class the clock gives it, −1 in the one counted.
  const late = sql.raw(past ? 'f.sign' : '-f.sign');
  return sql`
      g AS (${classes('report_unit_rollup', sql`c.side ${sql.raw(past ? '<' : '<=')} 0`, rolledUpFor(month))}
        UNION ALL${classes('report_unit_classes', sql`c.due_month ${sql.raw(past ? '<' : '<=')} lp.month`, sql`NOT ${rolledUpFor(month)}`)}
        ${
          nowDay === null
            ? sql.empty
            : sql`UNION ALL
        SELECT d.unit_id, CASE WHEN f.sign = 1 THEN 2 ELSE 0 END + CASE WHEN d.extended THEN 4 ELSE 0 END, sum(f.sign * d.n)
          FROM report_appraisal_days d CROSS JOIN lp CROSS JOIN (VALUES (1), (-1)) AS f(sign)
         WHERE d.due_day >= lp.month AND d.due_day < ${nowDay}::date AND ${unitRowClause(s, sql`d.unit_id`)}
         GROUP BY 1, 2`
        }
        UNION ALL
        SELECT a.unit_id, CASE WHEN ${late} = 1 THEN 2 ELSE 0 END + CASE WHEN ${EXTENDED} THEN 4 ELSE 0 END, sum(f.sign)
          FROM tasks t CROSS JOIN lp JOIN assignments a ON a.task_id = t.id CROSS JOIN (VALUES (1), (-1)) AS f(sign)
         WHERE t.completed_at IS NULL AND t.status <> 'cancelled'
           AND ${range}
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
function lateAcksCounted(s: ReportScope, ack: AckWindow): Sql {
  const shanghaiDay = (col: string) => sql.raw(`((${col} AT TIME ZONE 'Asia/Shanghai')::date)`);
  const keyWhere = sql`k.role IN ('lead', 'responsible') AND NOT k.cancelled AND ${unitRowClause(s, sql`k.unit_id`)}`;
  // Each key's date's deadline by subscript (no join): a date outside the window gives NULL, never late.
  const at = (array: Param, type: string) => sql`(${array}::${sql.raw(type)}[])[k.created_day - ${ack.first}::date + 1]`;
  const keys = ack.perDate
    ? sql`SELECT k.unit_id, k.n
                  FROM report_ack_counts k CROSS JOIN lp
                 WHERE ${keyWhere}
                   AND CASE WHEN k.ack_day = 'infinity'::date THEN lp.now > ${at(ack.dues, 'timestamptz')}
                            WHEN k.ack_day <> ${at(ack.perDate.dueDays, 'date')} THEN k.ack_day > ${at(ack.perDate.dueDays, 'date')}
                            ELSE ${at(ack.perDate.atCountedTime, 'boolean')} AND k.ack_after_due_time END`
    : sql`SELECT k.unit_id, k.n
                  FROM report_ack_counts k JOIN ack_due b ON b.d = k.created_day CROSS JOIN lp
                 WHERE ${keyWhere}
                   AND CASE WHEN k.ack_day = 'infinity'::date THEN lp.now > b.due
                            WHEN k.ack_day <> b.due_day THEN k.ack_day > b.due_day
                            ELSE b.counted_time AND k.ack_after_due_time END`;
  // Deadlines at another time of day than the counts' flag: those acknowledgements on the deadline's
  // date are compared instant by instant. Left out when there are none (the default DUE_TIME): its
  // join on the acknowledgement-days index cost ~6 ms of planning per request at 100k items.
  const otherTime = ack.perDate?.allAtCountedTime
    ? sql.empty
    : sql`
                UNION ALL
                SELECT a.unit_id, 1
                  FROM ack_due b
                  JOIN assignments a ON ${shanghaiDay('a.created_at')} = b.d AND ${shanghaiDay('a.acknowledged_at')} = b.due_day
                 WHERE NOT b.counted_time
                   AND a.role IN ('lead', 'responsible') AND a.acknowledged_at IS NOT NULL AND a.acknowledged_at > b.due
                   AND ${unitRowClause(s, sql`a.unit_id`)}
                   AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = a.task_id AND t.status = 'cancelled')`;
  const ackDue = ack.perDate?.allAtCountedTime
    ? sql.empty
    : sql`
      ack_due AS MATERIALIZED (
        SELECT (${ack.first}::date + (x.i - 1)::int) AS d, x.due, ${shanghaiDay('x.due')} AS due_day,
               (x.due AT TIME ZONE 'Asia/Shanghai')::time = time ${sql.raw(`'${ACK_COUNTS_DUE_TIME}'`)} AS counted_time
          FROM unnest(${ack.dues}::timestamptz[]) WITH ORDINALITY AS x(due, i)
         WHERE x.due IS NOT NULL
      ),`;
  // The stored count when it is for this window; the keys not acknowledged are compared with the clock.
  const counts = ack.fingerprint
    ? sql`SELECT l.unit_id, l.n FROM report_late_acks l
                 WHERE ${synced(ack.fingerprint)} AND ${unitRowClause(s, sql`l.unit_id`)}
                UNION ALL
                SELECT k.unit_id, k.n
                  FROM report_ack_counts k CROSS JOIN lp
                 WHERE ${synced(ack.fingerprint)} AND k.ack_day = 'infinity'::date AND NOT k.cancelled
                   AND k.role IN ('lead', 'responsible') AND ${unitRowClause(s, sql`k.unit_id`)}
                   AND lp.now > ${at(ack.dues, 'timestamptz')}
                UNION ALL
                `
    : sql.empty;
  const keysOtherwise = ack.fingerprint ? sql`${keys} AND NOT ${synced(ack.fingerprint)}` : keys;
  return sql`${ackDue}
      late_acks AS MATERIALIZED (
        SELECT unit_id, sum(n) AS n
          FROM (${counts}${keysOtherwise}${otherTime}) x
         GROUP BY unit_id
      )`;
}

/** Whether report_late_acks counts against the window with this fingerprint: one row, read once per statement. */
const synced = (fingerprint: string) => sql`EXISTS (SELECT 1 FROM ack_deadline_sync WHERE fingerprint = ${fingerprint})`;
