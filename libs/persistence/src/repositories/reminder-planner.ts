import { Injectable } from '@nestjs/common';
import {
  AssignmentStatus,
  computeReminders,
  DEFAULT_REMINDER_POLICY,
  parsePolicy,
  PlannedReminder,
  ProgressCycle,
  ReminderPolicy,
  TaskStatus,
  WorkCalendar,
} from '@app/domain';
import { Db } from '../db/unit-of-work';
import { WorkCalendarRepository } from './work-calendar.repository';

/** The settings the schedule depends on (from Env: ACK_WORKDAYS, DUE_TIME); a provider token. */
export abstract class PlannerSettings {
  abstract readonly acknowledgementDueWorkdays: number;
  abstract readonly endOfDay: string;
}

export const DEFAULT_PLANNER_SETTINGS: PlannerSettings = { acknowledgementDueWorkdays: 3, endOfDay: '18:00' };

interface TaskRow {
  id: string;
  plan_id: string;
  due_at: Date;
  status: TaskStatus;
  created_at: Date;
  acknowledged_at: Date | null;
}

interface PlanRow {
  id: string;
  reminder_policy: unknown;
  progress_cycle: ProgressCycle | null;
}

/**
 * Turns a task's current state into reminder rows, inside the caller's transaction, so a change
 * and its new schedule commit together. Recomputing is idempotent: rows are matched by the
 * domain's deterministic key; an unchanged (key, dueAt) is kept, whatever state it is in.
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    private readonly db: Db,
    private readonly settings: PlannerSettings,
    private readonly calendars: WorkCalendarRepository,
  ) {}

  /** Must run inside the caller's unit of work, so the change and its schedule commit together. */
  recompute(taskId: string, now = new Date(), calendar?: WorkCalendar): Promise<{ created: number; cancelled: number }> {
    return this.recomputeMany([taskId], now, calendar);
  }

  /**
   * Recomputes several tasks in six statements whatever their number (calendar, four reads, one
   * cancelling UPDATE, one INSERT), so a plan-wide re-plan costs a few round trips per page of tasks
   * instead of five per task. Same rules as one task at a time; inside the caller's unit of work.
   */
  async recomputeMany(taskIds: readonly string[], now = new Date(), calendar?: WorkCalendar): Promise<{ created: number; cancelled: number }> {
    if (taskIds.length === 0) return { created: 0, cancelled: 0 };
    const m = this.db.manager;
    const ids = [...new Set(taskIds)];
    const cal = calendar ?? (await this.calendars.current());
    const tasks = (await m.query(
      `SELECT id, plan_id, due_at, status, created_at, acknowledged_at FROM tasks WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as TaskRow[];
    // Each plan's policy and cycle once, not once per task row.
    const plans = new Map(
      ((await m.query(`SELECT id, reminder_policy, progress_cycle FROM plans WHERE id = ANY($1::uuid[])`, [[...new Set(tasks.map((t) => t.plan_id))]])) as PlanRow[]).map(
        (p) => [p.id, p],
      ),
    );
    const steps = groupBy(
      (await m.query(`SELECT task_id, id, due_at, status FROM steps WHERE task_id = ANY($1::uuid[]) ORDER BY task_id, position`, [ids])) as StepRow[],
    );
    const assignments = groupBy(
      (await m.query(
        `SELECT task_id, unit_id, role, status, created_at, last_progress_at, quiet_before FROM assignments WHERE task_id = ANY($1::uuid[])`,
        [ids],
      )) as AssignmentRow[],
    );
    const existing = groupBy(
      // 催办 by hand is no part of the computed schedule: a recomputation leaves those rows alone.
      // The time as epoch milliseconds: compared, never used as a Date (no Date parsed per row).
      (await m.query(
        `SELECT task_id, id, key, floor(extract(epoch FROM due_at) * 1000)::float8 AS due_ms, state
           FROM reminders WHERE task_id = ANY($1::uuid[]) AND state <> 'cancelled' AND reason <> 'manual'`,
        [ids],
      )) as ExistingRow[],
    );
    const byId = new Map(tasks.map((t) => [t.id, t]));

    // A plan's policy is parsed once per call, not once per task.
    const policies = new Map<string, ReminderPolicy>();
    const policyOf = (t: TaskRow) => {
      let policy = policies.get(t.plan_id);
      if (!policy) {
        const raw = plans.get(t.plan_id)?.reminder_policy;
        policy = raw ? parsePolicy(raw) : (DEFAULT_REMINDER_POLICY as ReminderPolicy);
        policies.set(t.plan_id, policy);
      }
      return policy;
    };
    const toInsert: PlannedReminder[] = [];
    const cancel: string[] = [];
    for (const id of ids) {
      const task = byId.get(id);
      const planned = task
        ? this.plan(task, policyOf(task), plans.get(task.plan_id)?.progress_cycle ?? null, steps.get(id) ?? [], assignments.get(id) ?? [], now, cal)
        : [];
      const live = existing.get(id) ?? [];
      const byKey = new Map<string, ExistingRow[]>();
      for (const e of live) {
        const same = byKey.get(e.key);
        if (same) same.push(e);
        else byKey.set(e.key, [e]);
      }
      const keep = new Set<string>();
      const replacedKeys = new Set<string>();
      for (const p of planned) {
        const due = p.dueAt.getTime();
        const same = byKey.get(p.key)?.find((e) => e.due_ms === due);
        if (same) keep.add(same.id);
        else {
          toInsert.push(p);
          replacedKeys.add(p.key);
        }
      }
      // Live rows not kept are outdated: their key is gone, or their time moved (a new row replaces them).
      // A row being sent right now is left to finish, unless its time moved: the one live row per key
      // (reminders_live_key_idx) must then be the new one, and the sender's fenced settle leaves it alone.
      for (const e of live) {
        if (keep.has(e.id)) continue;
        if (e.state === 'pending' || e.state === 'enqueued' || (e.state === 'sending' && replacedKeys.has(e.key))) cancel.push(e.id);
      }
    }
    if (cancel.length) {
      await m.query(`UPDATE reminders SET state = 'cancelled', updated_at = now() WHERE id = ANY($1::uuid[])`, [cancel]);
    }
    if (toInsert.length) {
      // One statement for all the new rows (channels travel as '{a,b}' literals: unnest flattens arrays).
      await m.query(
        `INSERT INTO reminders (key, task_id, step_id, unit_id, kind, audience, reason, notice_level, channels, due_at)
         SELECT k, t, s, u, kd, a, r, nl, c::text[], d
           FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
                AS x(k, t, s, u, kd, a, r, nl, c, d)`,
        [
          toInsert.map((p) => p.key),
          toInsert.map((p) => p.taskId),
          toInsert.map((p) => p.stepId),
          toInsert.map((p) => p.unitId),
          toInsert.map((p) => p.kind),
          toInsert.map((p) => p.audience),
          toInsert.map((p) => p.reason),
          toInsert.map((p) => p.noticeLevel),
          toInsert.map((p) => `{${p.channels.join(',')}}`),
          toInsert.map((p) => p.dueAt.toISOString()),
        ],
      );
    }
    return { created: toInsert.length, cancelled: cancel.length };
  }

  private plan(
    task: TaskRow,
    policy: ReminderPolicy,
    progressCycle: ProgressCycle | null,
    steps: StepRow[],
    assignments: AssignmentRow[],
    now: Date,
    calendar: WorkCalendar,
  ): PlannedReminder[] {
    const lastProgressAt: Record<string, Date | null> = {};
    for (const a of assignments) lastProgressAt[a.unit_id] = a.last_progress_at;
    const planned = computeReminders(
      {
        task: { id: task.id, dueAt: task.due_at, status: task.status, createdAt: task.created_at, acknowledgedAt: task.acknowledged_at },
        steps: steps.map((s) => ({ id: s.id, dueAt: s.due_at, status: s.status })),
        assignments: assignments.map((a) => ({
          unitId: a.unit_id,
          role: a.role,
          status: a.status,
          assignedAt: a.created_at,
          quietBefore: a.quiet_before,
        })),
        policy,
        calendar,
        acknowledgementDueWorkdays: this.settings.acknowledgementDueWorkdays,
        progressCycle,
        lastProgressAt,
        endOfDay: this.settings.endOfDay,
      },
      now,
    );
    // A reminder whose time had passed before the task existed was never missed; it was never due.
    // (Importing a plan whose deadlines are long gone must not flood every inbox.)
    return planned.filter((p) => p.dueAt >= task.created_at);
  }
}

/** Rows of several tasks, by task id, in the order read. */
function groupBy<T extends { task_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.task_id);
    if (list) list.push(r);
    else out.set(r.task_id, [r]);
  }
  return out;
}

interface ExistingRow {
  task_id: string;
  id: string;
  key: string;
  due_ms: number;
  state: string;
}

interface StepRow {
  task_id: string;
  id: string;
  due_at: Date;
  status: string;
}

interface AssignmentRow {
  task_id: string;
  unit_id: string;
  role: 'lead' | 'responsible' | 'assisting';
  status: AssignmentStatus;
  created_at: Date;
  last_progress_at: Date | null;
  quiet_before: Date | null;
}
