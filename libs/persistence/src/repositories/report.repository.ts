import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Db } from '../db/unit-of-work';
import { derivedColumnsSql, LightParams, TaskVisibility } from './task.repository';

/**
 * Reports (统计报表) computed where the rows are: every figure is an aggregate in SQL over the
 * items the caller may see. The task list (TaskRepository.list) and these queries share one
 * scope rule (scopeWhere) and one light/overdue rule (derivedColumnsSql), so a report's counts
 * equal what GET /tasks returns for the same filters.
 */

export interface ReportScope {
  visibility: TaskVisibility;
  planId?: string;
  /** Items on which this unit has any role (as GET /tasks?unitId=). */
  unitId?: string;
  /** Inclusive Asia/Shanghai dates on the deadline in force (as GET /tasks?dueFrom=&dueTo=). */
  from?: string;
  to?: string;
}

/** The row-independent inputs: the light rule's parameters plus today's Shanghai date. */
export interface ReportClock extends LightParams {
  today: string;
}

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

export interface PersonRow {
  userId: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  items: number;
  reports: number;
  completed: number;
  onTime: number;
  late: number;
  overdue: number;
  onTimeRate: number | null;
  yellowNotices: number;
  redNotices: number;
  lastProgressAt: Date | null;
}

export interface OverdueRow {
  taskId: string;
  planId: string;
  planTitle: string;
  code: string;
  title: string;
  status: string;
  progress: number;
  dueAt: Date;
  originalDueAt: Date;
  daysOverdue: number;
  leadUnits: string[];
  responsibleUnits: string[];
  escalationLevel: 'blue' | 'yellow' | 'red' | null;
  lastProgressAt: Date | null;
  lastProgressNote: string | null;
}

export interface IndicatorRow {
  source: 'task' | 'plan';
  planId: string;
  planTitle: string;
  taskId: string | null;
  code: string;
  label: string;
  name: string;
  unit: string | null;
  comparator: string;
  target: number;
  latestValue: number | null;
  reportedAt: Date | null;
  percentAchieved: number | null;
  deadline: string;
  elapsedPercent: number;
  onTrack: boolean;
}

export interface TrendRow {
  periodStart: string;
  periodEnd: string;
  completed: number;
  completedOnTime: number;
  newOverdue: number;
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

export interface PlanHeadRow {
  planId: string;
  title: string;
  total: number;
  completed: number;
  overdue: number;
  yellow: number;
  completedThisWeek: number;
}

/** Collects positional parameters; returns the placeholder for each value. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/**
 * The item filter of every report, as SQL over `t` (tasks): the caller's visibility and the
 * planId/unitId/from/to filters, clause for clause the same as TaskRepository.list.
 */
export function scopeWhere(s: ReportScope, p: { add(v: unknown): string }, opts: { dates?: boolean } = {}): string[] {
  const where: string[] = [];
  if (s.visibility.kind === 'none') where.push('false');
  if (s.visibility.kind === 'unit') {
    where.push(`EXISTS (SELECT 1 FROM assignments va WHERE va.task_id = t.id AND va.unit_id = ${p.add(s.visibility.unitId)})`);
  }
  if (s.planId) where.push(`t.plan_id = ${p.add(s.planId)}`);
  if (s.unitId) where.push(`EXISTS (SELECT 1 FROM assignments ua WHERE ua.task_id = t.id AND ua.unit_id = ${p.add(s.unitId)})`);
  if (opts.dates !== false) {
    if (s.from) where.push(`t.due_at >= (${p.add(s.from)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (s.to) where.push(`t.due_at < ((${p.add(s.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  }
  return where;
}

/** Per-unit reports show only the rows the caller may see and asked for. */
function unitRowFilter(s: ReportScope, p: Params, column: string): string {
  const out: string[] = [];
  if (s.visibility.kind === 'unit') out.push(`${column} = ${p.add(s.visibility.unitId)}`);
  if (s.unitId) out.push(`${column} = ${p.add(s.unitId)}`);
  return out.length ? out.join(' AND ') : 'true';
}

const where = (clauses: string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '');
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const int = (v: unknown): number => Number(v ?? 0);

/**
 * The one-row CTE of row-independent inputs every report joins. Besides the clock it holds the
 * Shanghai midnights the reports compare deadlines with, computed once, so that a row's
 * "deadline date < D" becomes the index-friendly "due_at < midnight of D" without a per-row
 * time-zone conversion.
 */
function clockCte(c: ReportClock, p: Params): string {
  const today = p.add(c.today);
  const yellowBefore = p.add(c.yellowBefore);
  return `lp AS (SELECT ${p.add(c.now)}::timestamptz AS now, ${today}::date AS today,
                        ${yellowBefore}::date AS yellow_before, ${p.add(c.progressSlack)}::int AS slack,
                        (${yellowBefore}::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS yellow_before_at,
                        (${today}::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS today_at,
                        (${today}::date + 8)::timestamp AT TIME ZONE 'Asia/Shanghai' AS next8_at,
                        (${today}::date + 31)::timestamp AT TIME ZONE 'Asia/Shanghai' AS next31_at)`;
}

const DERIVED = derivedColumnsSql({ now: 'lp.now', yellowBefore: 'lp.yellow_before', slack: 'lp.slack', yellowBeforeAt: 'lp.yellow_before_at' });
const STATUSES = ['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned', 'completed', 'suspended', 'cancelled'] as const;
const DUE_DATE = `(t.due_at AT TIME ZONE 'Asia/Shanghai')::date`;
/** The deadline appraisal counts: the extended one only when the extension was approved in time (appraisalLateness). */
const COUNTED_DUE = `(CASE WHEN t.extension_approved_at IS NOT NULL AND t.extension_approved_at <= t.original_due_at
                          THEN t.due_at ELSE t.original_due_at END)`;
const RATE = (a: string, b: string) => `round(${a}::numeric / NULLIF(${b}, 0), 4)`;
/**
 * An instant's Asia/Shanghai date, exactly `(col AT TIME ZONE 'Asia/Shanghai')::date`, but without
 * a zone lookup per row where it can be spared: Shanghai has been UTC+8 all year since 1991 (tz
 * database), so from 1992 on the fixed offset gives the same date at a fraction of the cost; older
 * instants take the zone rule.
 */
const SHANGHAI_DATE = (col: string) =>
  `(CASE WHEN ${col} >= '1992-01-01 00:00+08'::timestamptz THEN (${col} AT TIME ZONE INTERVAL '+08:00')::date
         ELSE (${col} AT TIME ZONE 'Asia/Shanghai')::date END)`;
/** Sums of per-group counts (count(*) FILTER … in two steps); 0 rather than NULL when no group matches. */
const SUM = (cond: string) => `COALESCE(sum(n) FILTER (WHERE ${cond}), 0)::int`;

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

const UNIT_SORT_SQL: Record<UnitSortKey, string> = {
  onTimeRate: 'on_time_rate',
  completionRate: 'completion_rate',
  overdue: 'overdue',
  assigned: 'assigned',
  averageDelayDays: 'average_delay_days',
  name: 'name',
};

@Injectable()
export class ReportRepository {
  constructor(private readonly db: Db) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  /** The database's current snapshot (xmin:xmax:running ids): unchanged means no write committed. */
  async snapshot(): Promise<string> {
    const [r] = (await this.m.query(`SELECT pg_current_snapshot()::text AS s`)) as { s: string }[];
    return r.s;
  }

  /**
   * One pass over the scoped items (byStatus counts the statuses items can have; libs/domain
   * rejects any other). The inner query (OFFSET 0 keeps it a separate step) derives
   * light and overdue once per row; the outer one only counts. Windows on the deadline compare
   * with Shanghai midnights bound in lp instead of converting every row's deadline to a date.
   */
  async summary(s: ReportScope, c: ReportClock): Promise<SummaryRow> {
    const p = new Params();
    const lp = clockCte(c, p);
    const OPEN = `status NOT IN ('completed', 'cancelled', 'suspended')`;
    const sql = `
      WITH ${lp}
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE overdue)::int AS overdue,
             count(*) FILTER (WHERE status = 'completed' AND completed_at <= due_at)::int AS completed_on_time,
             ${STATUSES.map((st, i) => `count(*) FILTER (WHERE status = '${st}')::int AS s${i}`).join(',\n             ')},
             count(*) FILTER (WHERE light = 'green')::int AS green,
             count(*) FILTER (WHERE light = 'yellow')::int AS yellow,
             count(*) FILTER (WHERE light = 'red')::int AS red,
             count(*) FILTER (WHERE light = 'none')::int AS none,
             round(avg(lp.today - (due_at AT TIME ZONE 'Asia/Shanghai')::date) FILTER (WHERE overdue), 1) AS average_days_overdue,
             count(*) FILTER (WHERE NOT overdue AND ${OPEN} AND due_at >= lp.today_at AND due_at < lp.next8_at)::int AS due_next_7,
             count(*) FILTER (WHERE NOT overdue AND ${OPEN} AND due_at >= lp.today_at AND due_at < lp.next31_at)::int AS due_next_30
        FROM (SELECT t.status, t.due_at, t.completed_at, ${DERIVED.light} AS light, ${DERIVED.overdue} AS overdue
                FROM tasks t CROSS JOIN lp ${where(scopeWhere(s, p))} OFFSET 0) b
        CROSS JOIN lp`;
    const [r] = (await this.m.query(sql, p.values)) as Record<string, unknown>[];
    const byStatus: Record<string, number> = {};
    STATUSES.forEach((st, i) => {
      if (int(r[`s${i}`]) > 0) byStatus[st] = int(r[`s${i}`]);
    });
    return {
      total: int(r.total),
      overdue: int(r.overdue),
      completed: byStatus.completed ?? 0,
      cancelled: byStatus.cancelled ?? 0,
      completedOnTime: int(r.completed_on_time),
      byStatus,
      byLight: { green: int(r.green), yellow: int(r.yellow), red: int(r.red), none: int(r.none) },
      averageDaysOverdue: num(r.average_days_overdue),
      dueNext7: int(r.due_next_7),
      dueNext30: int(r.due_next_30),
    };
  }

  /** One row per unit that leads or is responsible for a visible item; ranked by `sort`. */
  async units(
    s: ReportScope,
    c: ReportClock,
    o: { sort: UnitSortKey; order: 'asc' | 'desc'; offset: number; limit: number },
  ): Promise<{ rows: UnitReportRow[]; total: number }> {
    const p = new Params();
    const lp = clockCte(c, p);
    const dir = o.order === 'desc' ? 'DESC' : 'ASC';
    const sortExpr = `${UNIT_SORT_SQL[o.sort]} ${dir} NULLS LAST`;
    const scope = scopeWhere(s, p);
    // Without item filters every assignment's item is in scope (task_id is a NOT NULL foreign key):
    // only the items that are completed or overdue need joining, the rest count by role alone.
    const everyItem = scope.length === 0;
    // Per item, once: k = 1 completed late (or without a time), 3 completed on time, 4 overdue, 0 else;
    // delay = days late (completed) or overdue so far. OFFSET 0 keeps this a step of its own, so the
    // hash the assignments probe holds (id, k, delay) and not the items' columns.
    const sql = `
      WITH ${lp},
      x AS (
        SELECT t.id, c.k,
               CASE WHEN c.k = 1 AND t.completed_at > t.due_at THEN ${SHANGHAI_DATE('t.completed_at')} - ${SHANGHAI_DATE('t.due_at')}
                    WHEN c.k = 4 THEN lp.today - ${SHANGHAI_DATE('t.due_at')} END AS delay
          FROM tasks t CROSS JOIN lp
          CROSS JOIN LATERAL (SELECT CASE WHEN t.status = 'completed' THEN CASE WHEN t.completed_at <= t.due_at THEN 3 ELSE 1 END
                                          WHEN ${DERIVED.overdue} THEN 4 ELSE 0 END AS k) c
         ${where(everyItem ? ['c.k <> 0'] : scope)}
        OFFSET 0
      ),
      -- Counts per unit, role and item class first (a few hundred groups), then one row per unit.
      g AS (
        SELECT a.unit_id, a.role, COALESCE(x.k, 0) AS k, count(*) AS n, sum(x.delay) AS delay_sum, count(x.delay) AS delay_n,
               max(a.last_progress_at) AS last_at
          FROM assignments a ${everyItem ? 'LEFT JOIN' : 'JOIN'} x ON x.id = a.task_id
         WHERE ${unitRowFilter(s, p, 'a.unit_id')}
         GROUP BY 1, 2, 3
      ),
      per AS (
        SELECT unit_id,
               ${SUM(`role <> 'assisting'`)} AS assigned,
               ${SUM(`role = 'lead'`)} AS as_lead,
               ${SUM(`role = 'responsible'`)} AS as_responsible,
               ${SUM(`role = 'assisting'`)} AS assisting,
               ${SUM(`role <> 'assisting' AND k IN (1, 3)`)} AS completed,
               ${SUM(`role <> 'assisting' AND k = 3`)} AS on_time,
               ${SUM(`role <> 'assisting' AND k = 4`)} AS overdue,
               round(sum(delay_sum) FILTER (WHERE role <> 'assisting')::numeric
                     / NULLIF(sum(delay_n) FILTER (WHERE role <> 'assisting'), 0), 1) AS average_delay_days,
               max(last_at) FILTER (WHERE role <> 'assisting') AS last_progress_at
          FROM g
         GROUP BY unit_id
      ),
      ranked AS (
        SELECT per.*, u.code, u.name,
               ${RATE('per.completed', 'per.assigned')} AS completion_rate,
               ${RATE('per.on_time', 'per.completed')} AS on_time_rate
          FROM per JOIN units u ON u.id = per.unit_id
         WHERE per.assigned > 0
      )
      SELECT r.*, rank() OVER (ORDER BY ${sortExpr})::int AS rank, count(*) OVER ()::int AS total_rows
        FROM ranked r
       ORDER BY ${sortExpr}, r.name, r.unit_id
       LIMIT ${p.add(o.limit)} OFFSET ${p.add(o.offset)}`;
    const rows = (await this.m.query(sql, p.values)) as Record<string, unknown>[];
    const total = rows.length ? int(rows[0].total_rows) : await this.countUnitRows(s, c);
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

  /** Only for a page past the end, where the window count has no row to ride on. */
  private async countUnitRows(s: ReportScope, c: ReportClock): Promise<number> {
    const p = new Params();
    const lp = clockCte(c, p);
    const [r] = (await this.m.query(
      `WITH ${lp}
       SELECT count(DISTINCT a.unit_id)::int AS n
         FROM assignments a JOIN tasks t ON t.id = a.task_id CROSS JOIN lp
        ${where([...scopeWhere(s, p), `a.role <> 'assisting'`, unitRowFilter(s, p, 'a.unit_id')])}`,
      p.values,
    )) as { n: number }[];
    return int(r.n);
  }

  /**
   * 考核 per unit (lead or responsible): lateness against the original deadline unless an extension
   * was approved before it passed; notices (yellow 催办, red 督办) and progress-cycle urges from the
   * reminder engine's sent rows; acknowledgements (签收) after the deadline ackDue gives for the
   * assignment's Shanghai date. ackDue comes from libs/domain (working-day calendar).
   */
  async appraisal(
    s: ReportScope,
    c: ReportClock,
    ackDue: (fromDate: string, toDate: string) => { date: string; dueAt: Date }[],
  ): Promise<AppraisalRow[]> {
    const [{ first }] = (await this.m.query(
      `SELECT (min(created_at) AT TIME ZONE 'Asia/Shanghai')::date::text AS first FROM assignments`,
    )) as { first: string | null }[];
    const ack = ackArray(first ? ackDue(first, c.today) : []);
    const p = new Params();
    const lp = clockCte(c, p);
    const scope = scopeWhere(s, p);
    // As in units(): without item filters only the items that change a count need joining.
    const everyItem = scope.length === 0;
    const EXTENDED = `(t.extension_approved_at IS NOT NULL AND t.extension_approved_at <= t.original_due_at)`;
    // Per item, once: k = -1 cancelled (counts nowhere), else bits 1 on time, 2 late, 4 extended in time.
    const sql = `
      WITH ${lp},
      x AS (
        SELECT t.id, CASE WHEN t.status = 'cancelled' THEN -1
                          ELSE CASE WHEN t.status = 'completed' AND t.completed_at <= c.due THEN 1 ELSE 0 END
                             + CASE WHEN COALESCE(t.completed_at, lp.now) > c.due THEN 2 ELSE 0 END
                             + CASE WHEN ${EXTENDED} THEN 4 ELSE 0 END END AS k
          FROM tasks t CROSS JOIN lp CROSS JOIN LATERAL (SELECT ${COUNTED_DUE} AS due) c
         ${where(
           everyItem
             ? [`(t.status IN ('cancelled', 'completed') OR COALESCE(t.completed_at, lp.now) > c.due OR ${EXTENDED})`]
             : scope,
         )}
        OFFSET 0
      ),
      -- The acknowledgement deadline by subscript: days since the first calendar date.
      g AS (
        SELECT a.unit_id, COALESCE(x.k, 0) AS k,
               COALESCE(a.acknowledged_at, lp.now)
                 > (${p.add(ack.dues)}::timestamptz[])[${SHANGHAI_DATE('a.created_at')} - ${p.add(ack.first)}::date + 1] AS late_ack,
               count(*) AS n
          FROM assignments a ${everyItem ? 'LEFT JOIN' : 'JOIN'} x ON x.id = a.task_id CROSS JOIN lp
         WHERE a.role IN ('lead', 'responsible') AND ${unitRowFilter(s, p, 'a.unit_id')}
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
          FROM reminders r ${everyItem ? '' : 'JOIN x ON x.id = r.task_id'}
         WHERE r.state = 'sent' AND r.unit_id IS NOT NULL
         GROUP BY r.unit_id
      )
      SELECT per.*, u.code, u.name, ${RATE('per.on_time', 'per.on_time + per.late')} AS on_time_rate,
             COALESCE(n.yellow, 0) AS yellow, COALESCE(n.red, 0) AS red, COALESCE(n.late_reports, 0) AS late_reports
        FROM per JOIN units u ON u.id = per.unit_id LEFT JOIN notices n ON n.unit_id = per.unit_id
       ORDER BY on_time_rate DESC NULLS LAST, per.late ASC, u.name`;
    const rows = (await this.m.query(sql, p.values)) as Record<string, unknown>[];
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

  /**
   * Per person of a unit: the items they reported progress on (the person who reports is the
   * 承办人 responsible for it), with the same 考核 lateness, and the notices sent to them.
   */
  async people(
    s: ReportScope,
    c: ReportClock,
    o: { unitId?: string; offset: number; limit: number },
  ): Promise<{ rows: PersonRow[]; total: number }> {
    const p = new Params();
    const lp = clockCte(c, p);
    const userWhere = ['usr.unit_id IS NOT NULL', 'usr.active'];
    if (s.visibility.kind === 'unit') userWhere.push(`usr.unit_id = ${p.add(s.visibility.unitId)}`);
    if (o.unitId) userWhere.push(`usr.unit_id = ${p.add(o.unitId)}`);
    const sql = `
      WITH ${lp},
      scoped AS (
        SELECT t.id, t.status, t.completed_at, ${COUNTED_DUE} AS counted_due, ${DERIVED.overdue} AS overdue
          FROM tasks t CROSS JOIN lp ${where(scopeWhere(s, p))}
      ),
      mine AS (
        SELECT pr.author_id, pr.task_id, count(*)::int AS reports, max(pr.created_at) AS last_at
          FROM progress_reports pr JOIN scoped x ON x.id = pr.task_id
         WHERE pr.author_id IS NOT NULL
         GROUP BY pr.author_id, pr.task_id
      ),
      per AS (
        SELECT m.author_id,
               count(*)::int AS items,
               sum(m.reports)::int AS reports,
               max(m.last_at) AS last_progress_at,
               count(*) FILTER (WHERE x.status = 'completed')::int AS completed,
               count(*) FILTER (WHERE x.status = 'completed' AND x.completed_at <= x.counted_due)::int AS on_time,
               count(*) FILTER (WHERE x.status <> 'cancelled' AND COALESCE(x.completed_at, lp.now) > x.counted_due)::int AS late,
               count(*) FILTER (WHERE x.overdue)::int AS overdue
          FROM mine m JOIN scoped x ON x.id = m.task_id CROSS JOIN lp
         GROUP BY m.author_id
      ),
      notices AS (
        SELECT n.user_id,
               count(DISTINCT COALESCE(n.reminder_id, n.id)) FILTER (WHERE n.notice_level = 'yellow')::int AS yellow,
               count(DISTINCT COALESCE(n.reminder_id, n.id)) FILTER (WHERE n.notice_level = 'red')::int AS red
          FROM notifications n JOIN scoped x ON x.id = n.task_id
         WHERE n.user_id IS NOT NULL
         GROUP BY n.user_id
      )
      SELECT usr.id, usr.username, usr.display_name, usr.unit_id, un.name AS unit_name,
             COALESCE(per.items, 0) AS items, COALESCE(per.reports, 0) AS reports, COALESCE(per.completed, 0) AS completed,
             COALESCE(per.on_time, 0) AS on_time, COALESCE(per.late, 0) AS late, COALESCE(per.overdue, 0) AS overdue,
             ${RATE('per.on_time', 'per.on_time + per.late')} AS on_time_rate, per.last_progress_at,
             COALESCE(nt.yellow, 0) AS yellow, COALESCE(nt.red, 0) AS red, count(*) OVER ()::int AS total_rows
        FROM users usr JOIN units un ON un.id = usr.unit_id
        LEFT JOIN per ON per.author_id = usr.id LEFT JOIN notices nt ON nt.user_id = usr.id
       WHERE ${userWhere.join(' AND ')}
       ORDER BY un.name, usr.display_name, usr.id
       LIMIT ${p.add(o.limit)} OFFSET ${p.add(o.offset)}`;
    const rows = (await this.m.query(sql, p.values)) as Record<string, unknown>[];
    return {
      total: rows.length ? int(rows[0].total_rows) : 0,
      rows: rows.map((r) => ({
        userId: r.id as string,
        username: r.username as string,
        displayName: r.display_name as string,
        unitId: r.unit_id as string,
        unitName: r.unit_name as string,
        items: int(r.items),
        reports: int(r.reports),
        completed: int(r.completed),
        onTime: int(r.on_time),
        late: int(r.late),
        overdue: int(r.overdue),
        onTimeRate: num(r.on_time_rate),
        yellowNotices: int(r.yellow),
        redNotices: int(r.red),
        lastProgressAt: (r.last_progress_at as Date | null) ?? null,
      })),
    };
  }

  /** Overdue items, longest overdue first; a page is chosen first, then enriched. */
  async overdue(s: ReportScope, c: ReportClock, o: { offset: number; limit: number }): Promise<{ rows: OverdueRow[]; total: number }> {
    const p = new Params();
    const lp = clockCte(c, p);
    const sql = `
      WITH ${lp},
      hits AS (
        SELECT t.id, lp.today - ${DUE_DATE} AS days_overdue, t.code, count(*) OVER ()::int AS total_rows
          FROM tasks t CROSS JOIN lp ${where([...scopeWhere(s, p), DERIVED.overdue])}
         ORDER BY days_overdue DESC, t.code, t.id
         LIMIT ${p.add(o.limit)} OFFSET ${p.add(o.offset)}
      )
      SELECT h.total_rows, h.days_overdue, t.id, t.plan_id, pl.title AS plan_title, t.code, t.title, t.status, t.progress,
             t.due_at, t.original_due_at, t.last_progress_at,
             COALESCE((SELECT array_agg(u.name ORDER BY u.name) FROM assignments a JOIN units u ON u.id = a.unit_id
                        WHERE a.task_id = t.id AND a.role = 'lead'), '{}') AS lead_units,
             COALESCE((SELECT array_agg(u.name ORDER BY u.name) FROM assignments a JOIN units u ON u.id = a.unit_id
                        WHERE a.task_id = t.id AND a.role = 'responsible'), '{}') AS responsible_units,
             (SELECT max(CASE r.notice_level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 END)
                FROM reminders r WHERE r.task_id = t.id AND r.state = 'sent') AS escalation,
             (SELECT pr.note FROM progress_reports pr WHERE pr.task_id = t.id ORDER BY pr.created_at DESC, pr.id DESC LIMIT 1) AS last_note
        FROM hits h JOIN tasks t ON t.id = h.id JOIN plans pl ON pl.id = t.plan_id
       ORDER BY h.days_overdue DESC, h.code, h.id`;
    const rows = (await this.m.query(sql, p.values)) as Record<string, unknown>[];
    const levels = [null, 'blue', 'yellow', 'red'] as const;
    const total = rows.length ? int(rows[0].total_rows) : await this.countOverdue(s, c);
    return {
      total,
      rows: rows.map((r) => ({
        taskId: r.id as string,
        planId: r.plan_id as string,
        planTitle: r.plan_title as string,
        code: r.code as string,
        title: r.title as string,
        status: r.status as string,
        progress: int(r.progress),
        dueAt: r.due_at as Date,
        originalDueAt: r.original_due_at as Date,
        daysOverdue: int(r.days_overdue),
        leadUnits: r.lead_units as string[],
        responsibleUnits: r.responsible_units as string[],
        escalationLevel: levels[int(r.escalation)] ?? null,
        lastProgressAt: (r.last_progress_at as Date | null) ?? null,
        lastProgressNote: (r.last_note as string | null) ?? null,
      })),
    };
  }

  private async countOverdue(s: ReportScope, c: ReportClock): Promise<number> {
    const p = new Params();
    const lp = clockCte(c, p);
    const [r] = (await this.m.query(
      `WITH ${lp} SELECT count(*)::int AS n FROM tasks t CROSS JOIN lp ${where([...scopeWhere(s, p), DERIVED.overdue])}`,
      p.values,
    )) as { n: number }[];
    return int(r.n);
  }

  /**
   * Every quantified target (指标): the items' own indicators and, unless the caller sees only a
   * unit's items or asked for one unit, the plan-level targets (主要目标). The latest reported value
   * is per item and name; for a plan target, per plan and name over all the plan's items' reports.
   * On track: percent achieved at least the share of time elapsed towards the indicator's deadline.
   */
  async indicators(s: ReportScope, c: ReportClock, o: { offset: number; limit: number }): Promise<{ rows: IndicatorRow[]; total: number }> {
    const p = new Params();
    const lp = clockCte(c, p);
    const withPlanTargets = s.visibility.kind === 'all' && !s.unitId;
    const planWhere: string[] = [];
    // Only add the parameter when the plan-targets branch is in the SQL: an unused $n has no type.
    if (s.planId && withPlanTargets) planWhere.push(`pt.plan_id = ${p.add(s.planId)}`);
    const deadlineWhere: string[] = [];
    if (s.from) deadlineWhere.push(`deadline >= ${p.add(s.from)}::date`);
    if (s.to) deadlineWhere.push(`deadline <= ${p.add(s.to)}::date`);
    const IND = (col: string) => `jsonb_array_elements(CASE WHEN jsonb_typeof(${col}) = 'array' THEN ${col} ELSE '[]'::jsonb END)`;
    const VALID = `jsonb_typeof(e.v -> 'value') = 'number' AND COALESCE(e.v ->> 'name', '') <> ''`;
    const DEADLINE = (fallback: string) =>
      `CASE WHEN (e.v ->> 'deadline') ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN (e.v ->> 'deadline')::date ELSE ${fallback} END`;
    const sql = `
      WITH ${lp},
      scoped AS (
        SELECT t.id, t.plan_id, t.code, t.title, t.indicators, t.created_at, ${DUE_DATE} AS due_date
          FROM tasks t CROSS JOIN lp
         ${where([
           ...scopeWhere(s, p, { dates: false }),
           // Items without indicators have no targets; the partial index tasks_indicators_idx finds the rest.
           `jsonb_typeof(t.indicators) = 'array'`,
           `t.indicators <> '[]'::jsonb`,
         ])}
      ),
      targets AS (
        SELECT 'task' AS source, x.plan_id, x.id AS task_id, x.code, x.title AS label, e.ord,
               e.v ->> 'name' AS name, e.v ->> 'unit' AS unit, COALESCE(e.v ->> 'comparator', '>=') AS comparator,
               (e.v ->> 'value')::numeric AS target, ${DEADLINE('x.due_date')} AS deadline,
               (x.created_at AT TIME ZONE 'Asia/Shanghai')::date AS start_date
          FROM scoped x CROSS JOIN LATERAL ${IND('x.indicators')} WITH ORDINALITY AS e(v, ord)
         WHERE ${VALID}
        ${
          withPlanTargets
            ? `UNION ALL
        SELECT 'plan', pt.plan_id, NULL, pt.code, pt.text, e.ord,
               e.v ->> 'name', e.v ->> 'unit', COALESCE(e.v ->> 'comparator', '>='),
               (e.v ->> 'value')::numeric, ${DEADLINE('pl.period_end')}, pl.period_start
          FROM plan_targets pt JOIN plans pl ON pl.id = pt.plan_id
          CROSS JOIN LATERAL ${IND('pt.indicators')} WITH ORDINALITY AS e(v, ord)
         ${where([...planWhere, VALID])}`
            : ''
        }
      ),
      filtered AS (SELECT * FROM targets ${where(deadlineWhere)}),
      -- A plan target's latest value: one pass over the reports of the plans that have such
      -- targets, keeping only the names asked for before picking the latest.
      latest_plan AS (
        SELECT DISTINCT ON (t.plan_id, r.name) t.plan_id, r.name, r.value, r.created_at
          FROM (SELECT pr.task_id, pr.id, pr.created_at, iv ->> 'name' AS name, (iv ->> 'value')::numeric AS value
                  FROM progress_reports pr CROSS JOIN LATERAL ${IND('pr.indicator_values')} AS iv
                 WHERE jsonb_typeof(iv -> 'value') = 'number'
                   -- ARRAY(...) is a one-off filter on the names asked for (the join on f matches exact pairs).
                   AND iv ->> 'name' = ANY (ARRAY(SELECT name FROM filtered WHERE source = 'plan'))
                OFFSET 0) r
          JOIN tasks t ON t.id = r.task_id
         WHERE t.plan_id = ANY (ARRAY(SELECT plan_id FROM filtered WHERE source = 'plan'))
         ORDER BY t.plan_id, r.name, r.created_at DESC, r.id DESC
      ),
      joined AS (
        SELECT f.*, COALESCE(lt.value, lpn.value) AS latest_value, COALESCE(lt.created_at, lpn.created_at) AS reported_at,
               CASE WHEN f.deadline <= f.start_date THEN 1
                    ELSE LEAST(1, GREATEST(0, (lp.today - f.start_date)::numeric / (f.deadline - f.start_date))) END AS elapsed
          FROM filtered f CROSS JOIN lp
          -- An item target's latest value: its own reports, newest first (progress_task_idx).
          LEFT JOIN LATERAL (
            SELECT (iv ->> 'value')::numeric AS value, pr.created_at
              FROM progress_reports pr CROSS JOIN LATERAL ${IND('pr.indicator_values')} AS iv
             WHERE f.source = 'task' AND pr.task_id = f.task_id AND iv ->> 'name' = f.name AND jsonb_typeof(iv -> 'value') = 'number'
             ORDER BY pr.created_at DESC, pr.id DESC
             LIMIT 1
          ) lt ON true
          LEFT JOIN latest_plan lpn ON f.source = 'plan' AND lpn.plan_id = f.plan_id AND lpn.name = f.name
      ),
      scored AS (
        SELECT j.*,
               CASE WHEN j.latest_value IS NULL THEN NULL
                    WHEN j.comparator = '<=' THEN CASE WHEN j.latest_value <= j.target THEN 100
                                                       ELSE round(100 * j.target / j.latest_value, 1) END
                    WHEN j.target = 0 THEN CASE WHEN j.latest_value >= 0 THEN 100 ELSE 0 END
                    ELSE round(100 * j.latest_value / j.target, 1) END AS percent
          FROM joined j
      )
      SELECT sc.*, pl.title AS plan_title, round(100 * sc.elapsed, 1) AS elapsed_percent,
             (COALESCE(sc.percent, 0) >= 100 * sc.elapsed) AS on_track, count(*) OVER ()::int AS total_rows
        FROM scored sc JOIN plans pl ON pl.id = sc.plan_id
       ORDER BY pl.title, sc.source DESC, sc.code, sc.ord
       LIMIT ${p.add(o.limit)} OFFSET ${p.add(o.offset)}`;
    const rows = (await this.m.query(sql, p.values)) as Record<string, unknown>[];
    return {
      total: rows.length ? int(rows[0].total_rows) : 0,
      rows: rows.map((r) => ({
        source: r.source as 'task' | 'plan',
        planId: r.plan_id as string,
        planTitle: r.plan_title as string,
        taskId: (r.task_id as string | null) ?? null,
        code: r.code as string,
        label: r.label as string,
        name: r.name as string,
        unit: (r.unit as string | null) ?? null,
        comparator: r.comparator as string,
        target: Number(r.target),
        latestValue: num(r.latest_value),
        reportedAt: (r.reported_at as Date | null) ?? null,
        percentAchieved: num(r.percent),
        deadline: isoDate(r.deadline),
        elapsedPercent: Number(r.elapsed_percent),
        onTrack: r.on_track as boolean,
      })),
    };
  }

  /**
   * Per week (ISO, from Monday) or month in Shanghai: items completed, of which on time (against
   * the deadline in force), and items whose deadline fell in the period and was missed (not
   * completed or submitted by it; cancelled and suspended items aside). from/to choose the window;
   * they do not filter deadlines here.
   */
  async trend(s: ReportScope, c: ReportClock, o: { interval: 'week' | 'month'; from: string; to: string }): Promise<TrendRow[]> {
    const p = new Params();
    const lp = clockCte(c, p);
    const unit = o.interval === 'week' ? 'week' : 'month';
    const step = o.interval === 'week' ? `interval '1 week'` : `interval '1 month'`;
    const BUCKET = (col: string) => `date_trunc('${unit}', ${col} AT TIME ZONE 'Asia/Shanghai')::date`;
    const sql = `
      WITH ${lp},
      periods AS (
        SELECT gs::date AS start_date, (gs + ${step})::date - 1 AS end_date
          FROM generate_series(date_trunc('${unit}', ${p.add(o.from)}::date), ${p.add(o.to)}::date, ${step}) AS gs
      ),
      -- The window as instants (Shanghai midnights), so only items completed or due inside it are
      -- read (tasks_completed_idx, tasks_due_idx) instead of bucketing every item ever.
      win AS (
        SELECT min(start_date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS from_at,
               (max(end_date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AS to_at FROM periods
      ),
      scoped AS NOT MATERIALIZED (
        SELECT t.id, t.status, t.due_at, t.completed_at, t.submitted_at FROM tasks t CROSS JOIN lp ${where(scopeWhere(s, p, { dates: false }))}
      ),
      done AS (
        SELECT ${BUCKET('completed_at')} AS b, count(*)::int AS n, count(*) FILTER (WHERE completed_at <= due_at)::int AS on_time
          FROM scoped CROSS JOIN win
         WHERE status = 'completed' AND completed_at IS NOT NULL AND completed_at >= win.from_at AND completed_at < win.to_at
         GROUP BY 1
      ),
      missed AS (
        SELECT ${BUCKET('due_at')} AS b, count(*)::int AS n
          FROM scoped CROSS JOIN lp CROSS JOIN win
         WHERE due_at < lp.now AND due_at >= win.from_at AND due_at < win.to_at AND status NOT IN ('cancelled', 'suspended')
           AND (completed_at IS NULL OR completed_at > due_at)
           AND NOT (submitted_at IS NOT NULL AND submitted_at <= due_at AND status IN ('submitted', 'completed'))
         GROUP BY 1
      )
      SELECT pr.start_date::text AS start_date, pr.end_date::text AS end_date,
             COALESCE(d.n, 0) AS completed, COALESCE(d.on_time, 0) AS on_time, COALESCE(m.n, 0) AS missed
        FROM periods pr LEFT JOIN done d ON d.b = pr.start_date LEFT JOIN missed m ON m.b = pr.start_date
       ORDER BY pr.start_date`;
    const rows = (await this.m.query(sql, p.values)) as Record<string, unknown>[];
    return rows.map((r) => ({
      periodStart: r.start_date as string,
      periodEnd: r.end_date as string,
      completed: int(r.completed),
      completedOnTime: int(r.on_time),
      newOverdue: int(r.missed),
    }));
  }

  /** Head figures per visible plan for the weekly 督办通报. */
  async planHeads(s: ReportScope, c: ReportClock): Promise<PlanHeadRow[]> {
    const p = new Params();
    const lp = clockCte(c, p);
    const rows = (await this.m.query(
      `WITH ${lp}
       SELECT t.plan_id, pl.title, count(*)::int AS total,
              count(*) FILTER (WHERE t.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE ${DERIVED.overdue})::int AS overdue,
              count(*) FILTER (WHERE ${DERIVED.light} = 'yellow')::int AS yellow,
              count(*) FILTER (WHERE t.status = 'completed' AND t.completed_at > lp.now - interval '7 days')::int AS completed_week
         FROM tasks t JOIN plans pl ON pl.id = t.plan_id CROSS JOIN lp
        ${where(scopeWhere(s, p))}
        GROUP BY t.plan_id, pl.title
        ORDER BY pl.title, t.plan_id`,
      p.values,
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      planId: r.plan_id as string,
      title: r.title as string,
      total: int(r.total),
      completed: int(r.completed),
      overdue: int(r.overdue),
      yellow: int(r.yellow),
      completedThisWeek: int(r.completed_week),
    }));
  }

  /**
   * The items a weekly 通报 lists: red and yellow ones and those completed in the last 7 days,
   * at most `perPlan` per plan (a printed page is not a data dump; the full list is GET /tasks).
   */
  async weeklyItems(s: ReportScope, c: ReportClock, perPlan: number): Promise<WeeklyItemRow[]> {
    const p = new Params();
    const lp = clockCte(c, p);
    const rows = (await this.m.query(
      `WITH ${lp},
       picked AS (
         SELECT t.id, t.plan_id, ${DERIVED.light} AS light, ${DERIVED.overdue} AS overdue, lp.today - ${DUE_DATE} AS days,
                row_number() OVER (PARTITION BY t.plan_id ORDER BY (${DERIVED.overdue}) DESC, t.due_at, t.code) AS n
           FROM tasks t CROSS JOIN lp
          ${where([
            ...scopeWhere(s, p),
            `(${DERIVED.light} IN ('red', 'yellow') OR (t.status = 'completed' AND t.completed_at > lp.now - interval '7 days'))`,
          ])}
       )
       SELECT k.plan_id, k.light, k.overdue, k.days, k.n, t.code, t.title, t.due_at, t.status, t.progress, t.last_progress_at,
              COALESCE((SELECT array_agg(u.name ORDER BY u.name) FROM assignments a JOIN units u ON u.id = a.unit_id
                         WHERE a.task_id = t.id AND a.role = 'lead'), '{}') AS lead_units,
              COALESCE((SELECT array_agg(u.name ORDER BY u.name) FROM assignments a JOIN units u ON u.id = a.unit_id
                         WHERE a.task_id = t.id AND a.role = 'responsible'), '{}') AS responsible_units,
              (SELECT pr.note FROM progress_reports pr WHERE pr.task_id = t.id ORDER BY pr.created_at DESC, pr.id DESC LIMIT 1) AS last_note
         FROM picked k JOIN tasks t ON t.id = k.id
        WHERE k.n <= ${p.add(perPlan)}
        ORDER BY k.plan_id, k.n`,
      p.values,
    )) as Record<string, unknown>[];
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
}

/** pg returns `date` columns as local-midnight Dates; format them back without a time zone shift. */
function isoDate(v: unknown): string {
  if (typeof v === 'string') return v.slice(0, 10);
  const d = v as Date;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
