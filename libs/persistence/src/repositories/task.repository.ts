import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RepositoryBase } from '../db/repository';
import { Sql, sql } from '../db/sql';
import { countsScope, scopeClauses, TaskScope } from './task-scope';
import { countedTotalSql, listClockJoin } from './task-list-total';
import { updateVersioned, VersionedPatch } from './versioned';
import { TASK_HEAD, TaskHead } from './task-row';
import {
  AssignmentEntity,
  AssignmentRole,
  PlanSupervisorEntity,
  ProgressReportEntity,
  StepEntity,
  TaskEntity,
  UnitEntity,
  UserEntity,
} from '../entities';

export type TaskSortKey = 'dueAt' | 'code' | 'updatedAt';

export interface TaskListFilter {
  /** Visibility, plan, unit and the deadline window (GET /tasks dueFrom/dueTo). */
  scope: TaskScope;
  status?: string;
  light?: string;
  overdue?: boolean;
  /** Only items with an extension request waiting for a decision (the supervisor's 待审批延期 queue). */
  extensionPending?: boolean;
  q?: string;
  sort: TaskSortKey;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/**
 * The inputs of the traffic-light rule that do not depend on the row; libs/domain computes them
 * (working-day calendar), the database applies them to every row.
 */
export interface LightParams {
  now: Date;
  /** An item is yellow when its deadline's Shanghai date is before this date (N+1 working days ahead). */
  yellowBefore: string;
  /** Percentage points progress may trail the elapsed time before the item turns yellow. */
  progressSlack: number;
}

export interface TaskListRow extends TaskHead {
  originalDueAt: Date;
  updatedAt: Date;
  version: number;
  light: string;
  overdue: boolean;
}

export interface AssignmentView {
  id: string;
  unitId: string;
  unitName: string;
  role: AssignmentRole;
  status: string;
  progress: number;
  acknowledgedAt: Date | null;
  lastProgressAt: Date | null;
  createdAt: Date;
  version: number;
  /** The 承办人 the unit named (分办), if any. */
  assignee: { id: string; name: string } | null;
}

const SORT_COLUMN: Record<TaskSortKey, string> = { dueAt: 't.due_at', code: 't.code', updatedAt: 't.updated_at' };

/**
 * Overdue and traffic light as SQL over (due_at, status, progress, created_at, submitted_at, now):
 * the same rules as isOverdue()/trafficLight() in libs/domain, evaluated where the rows are.
 */
export function derivedColumnsSql(p: { now: string; yellowBefore: string; slack: string; yellowBeforeAt?: string }): {
  overdue: string;
  light: string;
  /** Behind schedule by progress (the light's yellow rule besides the yellow date). */
  behind: string;
} {
  const overdue = `(t.status NOT IN ('completed', 'cancelled', 'suspended') AND ${p.now} > t.due_at
      AND NOT (t.status = 'submitted' AND t.submitted_at IS NOT NULL AND t.submitted_at <= t.due_at))`;
  // Behind schedule: progress + slack < 100 × elapsed share of [created, due], clamped to 0–1. Between
  // the ends it is compared cross-multiplied (exact numeric products) rather than through the rounded
  // quotient, which halves the cost per row (the summary evaluates it for every working item); the
  // two agree except within a microsecond of the crossing for spans over six years.
  const behind = `(CASE WHEN t.due_at <= t.created_at OR ${p.now} >= t.due_at THEN t.progress + ${p.slack} < 100
      WHEN ${p.now} <= t.created_at THEN t.progress + ${p.slack} < 0
      ELSE (t.progress + ${p.slack})::numeric * EXTRACT(EPOCH FROM (t.due_at - t.created_at)) < 100 * EXTRACT(EPOCH FROM (${p.now} - t.created_at)) END)`;
  // "Deadline's Shanghai date before yellowBefore" is "due before yellowBefore's Shanghai midnight";
  // a caller that binds that instant (yellowBeforeAt) spares every row a time-zone conversion.
  const yellowDue = p.yellowBeforeAt
    ? `t.due_at < ${p.yellowBeforeAt}`
    : `(t.due_at AT TIME ZONE 'Asia/Shanghai')::date < ${p.yellowBefore}`;
  const light = `(CASE
      WHEN t.status IN ('completed', 'cancelled', 'suspended') THEN 'none'
      WHEN ${overdue} THEN 'red'
      WHEN t.status = 'submitted' THEN 'green'
      WHEN ${yellowDue} THEN 'yellow'
      WHEN ${behind} THEN 'yellow'
      ELSE 'green' END)`;
  return { overdue, light, behind };
}

/**
 * How many items in scope are overdue at `now`, as one row `n`. Where the scope allows, items due
 * before this (Shanghai) month are summed from the report counts (every open one not submitted by its
 * deadline is overdue), and only this month's are read one by one (tasks_open_due_idx); for every item
 * or one plan, this month's days before the clock's date are summed too (report_due_days: submitted
 * late and working items of a day before today are all overdue), and only the clock's own date is
 * read (it read up to a month of deadlines, ~40k rows at 1M items late in a month); else every item
 * is read.
 */
export function overdueCountSql(scope: TaskScope, now: Date): Sql {
  const overdue = sql.raw(derivedColumnsSql({ now: 'o.now', yellowBefore: 'NULL', slack: '0' }).overdue);
  const counts = countsScope(scope);
  const month = sql.raw(`date_trunc('month', o.now AT TIME ZONE 'Asia/Shanghai')`);
  const today = sql.raw(`(o.now AT TIME ZONE 'Asia/Shanghai')::date`);
  const byDay = counts?.table === 'report_item_counts';
  const rowsFrom = !counts ? [] : byDay ? [sql`t.due_at >= ${today}::timestamp AT TIME ZONE 'Asia/Shanghai'`] : [sql`t.due_at >= ${month} AT TIME ZONE 'Asia/Shanghai'`];
  const rows = sql`(SELECT count(*) FROM tasks t
                    ${sql.where([...scopeClauses(scope), overdue, ...rowsFrom])})::int`;
  if (!counts) return sql`SELECT ${rows} AS n FROM (SELECT ${now}::timestamptz AS now) o`;
  const late = sql.raw(`c.status NOT IN ('completed', 'cancelled', 'suspended') AND NOT (c.status = 'submitted' AND c.submitted_in_time)`);
  const days = byDay
    ? sql` + (SELECT COALESCE(sum(c.sub_other + c.working), 0) FROM report_due_days c
                               ${sql.where([...counts.where, sql`c.due_day >= ${month}::date AND c.due_day < ${today}`])})::int`
    : sql.empty;
  return sql`SELECT ${rows}${days} + (SELECT COALESCE(sum(n), 0) FROM ${sql.raw(counts.table)} c
                               ${sql.where([...counts.where, sql`c.due_month < ${month}::date`, late])})::int AS n
               FROM (SELECT ${now}::timestamptz AS now) o`;
}

const OPEN = `('assigned', 'acknowledged', 'in_progress', 'returned', 'submitted')`;
const WORKING = `('assigned', 'acknowledged', 'in_progress', 'returned')`;

/**
 * Conditions every item of that light meets, implied by the rule in derivedColumnsSql: ranges of
 * status and deadline an index can read (tasks_open_due_idx, tasks_working_due_idx), so that the exact
 * rule, which stays in the filter, runs on those candidates only instead of on every item.
 */
function lightCandidates(light: string): string[] {
  switch (light) {
    case 'red':
      return [`t.status IN ${OPEN}`, `t.due_at < lp.now`];
    case 'yellow':
      return [`t.status IN ${WORKING}`, `t.due_at >= lp.now`];
    case 'green':
      return [`t.status IN ${OPEN}`, `(t.status = 'submitted' OR t.due_at >= lp.yellow_before_at)`];
    case 'none':
      return [`t.status IN ('completed', 'cancelled', 'suspended')`];
    default:
      return [];
  }
}

/**
 * GET /tasks's count and page. The page is chosen by ids alone (the filter and the order, read in
 * index order where an index fits: tasks_due_id_idx, tasks_code_id_idx, tasks_updated_id_idx), and
 * only its rows are then read in full: OFFSET skips ids instead of deriving the light and the lead
 * units of every skipped row.
 */
export function taskListSql(f: TaskListFilter, lp: LightParams): { count: Sql; rowCount: Sql; page: Sql } {
  // The row-independent inputs are bound once, as a one-row join the queries share.
  const lpJoin = listClockJoin(lp);
  const d = derivedColumnsSql({ now: 'lp.now', yellowBefore: 'lp.yellow_before', slack: 'lp.slack', yellowBeforeAt: 'lp.yellow_before_at' });
  const where: Sql[] = scopeClauses(f.scope);
  if (f.status) where.push(sql`t.status = ${f.status}`);
  if (f.q) {
    const like = sql.param(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(sql`(t.title ILIKE ${like} OR t.content ILIKE ${like} OR t.code ILIKE ${like})`);
  }
  if (f.overdue !== undefined) where.push(f.overdue ? sql.raw(d.overdue) : sql`NOT ${sql.raw(d.overdue)}`);
  if (f.light) where.push(...lightCandidates(f.light).map(sql.raw), sql`${sql.raw(d.light)} = ${f.light}`);
  if (f.extensionPending !== undefined) {
    const pending = sql`EXISTS (SELECT 1 FROM extension_requests e WHERE e.task_id = t.id AND e.status = 'pending')`;
    where.push(f.extensionPending ? pending : sql`NOT ${pending}`);
  }
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const order = sql.raw(`${SORT_COLUMN[f.sort]} ${dir}, t.id ${dir}`);
  // Every matching item counted one by one: the count wherever the report counts cannot answer.
  const rowCount = sql`SELECT count(*)::int AS total FROM tasks t ${lpJoin} ${sql.where(where)}`;
  return {
    count: countedTotalSql(f, lp, where, d.behind) ?? rowCount,
    rowCount,
    page: sql`SELECT ${TASK_HEAD}, t.original_due_at AS "originalDueAt", t.updated_at AS "updatedAt", t.version,
                  ${sql.raw(d.light)} AS light, ${sql.raw(d.overdue)} AS overdue
             FROM (SELECT t.id FROM tasks t ${lpJoin} ${sql.where(where)} ORDER BY ${order} LIMIT ${f.limit} OFFSET ${f.offset}) page
             JOIN tasks t ON t.id = page.id JOIN plans pl ON pl.id = t.plan_id ${lpJoin}
            ORDER BY ${order}`,
  };
}

/** Reads and writes of items (责任事项), their steps and unit assignments. */
@Injectable()
export class TaskRepository extends RepositoryBase {
  /** One page of visible items, filtered and sorted in SQL; light and overdue derived per row. */
  async list(f: TaskListFilter, lp: LightParams): Promise<{ rows: TaskListRow[]; total: number }> {
    if (f.scope.visibility.kind === 'none') return { rows: [], total: 0 };
    const q = taskListSql(f, lp);
    const [{ total }] = await this.db.query<{ total: number }>(q.count);
    return { total, rows: await this.db.query<TaskListRow>(q.page) };
  }

  findById(id: string): Promise<TaskEntity | null> {
    return this.m.findOne(TaskEntity, { where: { id } });
  }

  /** The plan of an item, or null when there is no such item. */
  async planIdOf(taskId: string): Promise<string | null> {
    const [t] = (await this.m.query(`SELECT plan_id FROM tasks WHERE id = $1`, [taskId])) as { plan_id: string }[];
    return t?.plan_id ?? null;
  }

  findByIds(ids: string[]): Promise<TaskEntity[]> {
    return ids.length ? this.m.find(TaskEntity, { where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** Locks the item row for the rest of the transaction (serializes writers of one item). */
  lock(id: string): Promise<TaskEntity | null> {
    return this.m.findOne(TaskEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  steps(taskId: string): Promise<StepEntity[]> {
    return this.m.find(StepEntity, { where: { taskId }, order: { position: 'ASC' } });
  }

  findStep(taskId: string, stepId: string): Promise<StepEntity | null> {
    return this.m.findOne(StepEntity, { where: { id: stepId, taskId } });
  }

  countOpenSteps(taskId: string): Promise<number> {
    return this.m.count(StepEntity, { where: { taskId, status: 'open' } });
  }

  assignments(taskId: string): Promise<AssignmentEntity[]> {
    return this.m.find(AssignmentEntity, { where: { taskId }, order: { createdAt: 'ASC' } });
  }

  /** Assignments of many items at once (permission checks of a bulk request). */
  assignmentsOf(taskIds: string[]): Promise<AssignmentEntity[]> {
    return taskIds.length ? this.m.find(AssignmentEntity, { where: { taskId: In(taskIds) } }) : Promise.resolve([]);
  }

  async assignmentViews(taskId: string): Promise<AssignmentView[]> {
    const rows = await this.m
      .createQueryBuilder(AssignmentEntity, 'a')
      .innerJoin(UnitEntity, 'u', 'u.id = a.unit_id')
      .leftJoin(UserEntity, 'p', 'p.id = a.assignee_id')
      .addSelect('u.name', 'unit_name')
      .addSelect(`COALESCE(NULLIF(p.display_name, ''), p.username)`, 'assignee_name')
      .where('a.task_id = :taskId', { taskId })
      .orderBy(`CASE a.role WHEN 'lead' THEN 0 WHEN 'responsible' THEN 1 ELSE 2 END`)
      .addOrderBy('u.name')
      .getRawAndEntities();
    return rows.entities.map((a, i) => ({
      id: a.id,
      unitId: a.unitId,
      unitName: (rows.raw[i] as { unit_name: string }).unit_name,
      assignee: a.assigneeId ? { id: a.assigneeId, name: (rows.raw[i] as { assignee_name: string }).assignee_name } : null,
      role: a.role,
      status: a.status,
      progress: a.progress,
      acknowledgedAt: a.acknowledgedAt,
      lastProgressAt: a.lastProgressAt,
      createdAt: a.createdAt,
      version: a.version,
    }));
  }

  async supervisorIds(planId: string): Promise<string[]> {
    const rows = await this.m.find(PlanSupervisorEntity, { where: { planId } });
    return rows.map((r) => r.userId);
  }

  /** plan id → supervisor user ids, for many plans. */
  async supervisorsByPlan(planIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(planIds.map((id) => [id, []]));
    if (!planIds.length) return map;
    for (const r of await this.m.find(PlanSupervisorEntity, { where: { planId: In(planIds) } })) map.get(r.planId)?.push(r.userId);
    return map;
  }

  latestProgress(taskId: string): Promise<ProgressReportEntity | null> {
    return this.m.findOne(ProgressReportEntity, { where: { taskId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async insertProgress(r: Omit<ProgressReportEntity, 'id' | 'createdAt'>): Promise<ProgressReportEntity> {
    return this.m.save(this.m.create(ProgressReportEntity, r));
  }

  /** Conditional on `version` (null: unconditional); the version is bumped either way. */
  update(id: string, version: number | null, patch: VersionedPatch<TaskEntity>): Promise<TaskEntity> {
    return updateVersioned(this.m, TaskEntity, 'task', id, version, patch);
  }

  updateStep(id: string, version: number | null, patch: VersionedPatch<StepEntity>): Promise<StepEntity> {
    return updateVersioned(this.m, StepEntity, 'step', id, version, patch);
  }

  updateAssignment(id: string, patch: VersionedPatch<AssignmentEntity>): Promise<AssignmentEntity> {
    return updateVersioned(this.m, AssignmentEntity, 'assignment', id, null, patch);
  }

  /** A unit's assignment on an item with the item's title and status, locked for an acknowledgement. */
  async lockAssignmentOf(taskId: string, unitId: string): Promise<{ id: string; status: string; role: AssignmentRole; title: string; taskStatus: string } | null> {
    const [a] = (await this.m.query(
      `SELECT a.id, a.status, a.role, t.title, t.status AS task_status
         FROM assignments a JOIN tasks t ON t.id = a.task_id
        WHERE a.task_id = $1 AND a.unit_id = $2 FOR UPDATE`,
      [taskId, unitId],
    )) as { id: string; status: string; role: AssignmentRole; title: string; task_status: string }[];
    return a ? { id: a.id, status: a.status, role: a.role, title: a.title, taskStatus: a.task_status } : null;
  }

  /** 签收 of one unit's part (and, for the lead unit of a new item, of the item), stamped now. */
  async acknowledge(assignmentId: string, taskId: string | null): Promise<void> {
    await this.m.query(`UPDATE assignments SET status = 'acknowledged', acknowledged_at = now(), version = version + 1 WHERE id = $1`, [assignmentId]);
    if (taskId) {
      await this.m.query(`UPDATE tasks SET status = 'acknowledged', acknowledged_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [
        taskId,
      ]);
    }
  }

  async insertAssignment(a: { taskId: string; unitId: string; role: AssignmentRole; quietBefore?: Date | null }): Promise<AssignmentEntity> {
    return this.m.save(this.m.create(AssignmentEntity, { ...a, status: 'assigned', progress: 0, acknowledgedAt: null, lastProgressAt: null }));
  }
}
