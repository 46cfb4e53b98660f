// The report SQL as it was before the report counts (issue #18, migration 1734000000000), kept only as
// the reference report-counts.int-spec.ts compares the new path with. Not used by the apps.
import { sql } from '../../../libs/persistence/src/db/sql';
import { scopeClauses, unitRowClause } from '../../../libs/persistence/src/repositories/task-scope';
import { clockCte, COUNTED_DUE, int, num, RATE, ReportClock, ReportScope, RunSql, SHANGHAI_DATE, SUM } from '../../../libs/persistence/src/repositories/reports/report-sql';

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
  const scope = scopeClauses(s);
  // As in units: without item filters only the items that change a count need joining.
  const everyItem = scope.length === 0;
  const EXTENDED = sql.raw(`(t.extension_approved_at IS NOT NULL AND t.extension_approved_at <= t.original_due_at)`);
  // Per item, once: k = -1 cancelled (counts nowhere), else bits 1 on time, 2 late, 4 extended in time.
  const rows = await run(sql`
      WITH ${clockCte(c)},
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
      -- The acknowledgement deadline by subscript: days since the first calendar date.
      g AS (
        SELECT a.unit_id, COALESCE(x.k, 0) AS k,
               COALESCE(a.acknowledged_at, lp.now)
                 > (${ack.dues}::timestamptz[])[${SHANGHAI_DATE('a.created_at')} - ${ack.first}::date + 1] AS late_ack,
               count(*) AS n
          FROM assignments a ${sql.raw(everyItem ? 'LEFT JOIN' : 'JOIN')} x ON x.id = a.task_id CROSS JOIN lp
         WHERE a.role IN ('lead', 'responsible') AND ${unitRowClause(s, sql`a.unit_id`)}
         GROUP BY 1, 2, 3
      ),
      per AS (
        SELECT unit_id,
               ${SUM('k >= 0')} AS assigned,
               ${SUM('k >= 0 AND k & 1 = 1')} AS on_time,
               ${SUM('k >= 0 AND k & 2 = 2')} AS late,
               ${SUM('k >= 0 AND k & 4 = 4')} AS extended_in_time,
               ${SUM('k >= 0 AND late_ack')} AS late_ack
          FROM g
         GROUP BY unit_id
      ),
      notices AS (
        SELECT r.unit_id,
               count(*) FILTER (WHERE r.notice_level = 'yellow')::int AS yellow,
               count(*) FILTER (WHERE r.notice_level = 'red')::int AS red,
               count(*) FILTER (WHERE r.reason = 'progress_cycle' AND r.kind = 'urge')::int AS late_reports
          FROM reminders r ${everyItem ? sql.empty : sql`JOIN x ON x.id = r.task_id`}
         WHERE r.state = 'sent' AND r.unit_id IS NOT NULL
         GROUP BY r.unit_id
      )
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
