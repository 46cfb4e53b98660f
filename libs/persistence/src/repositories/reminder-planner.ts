import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
  due_at: Date;
  status: TaskStatus;
  created_at: Date;
  acknowledged_at: Date | null;
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
  async recompute(taskId: string, now = new Date(), calendar?: WorkCalendar): Promise<{ created: number; cancelled: number }> {
    const m = this.db.manager;
    const cal = calendar ?? (await this.calendars.current());
    const [task] = (await m.query(
      `SELECT t.id, t.due_at, t.status, t.created_at, t.acknowledged_at, p.reminder_policy, p.progress_cycle
         FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE t.id = $1`,
      [taskId],
    )) as TaskRow[];
    const planned = task ? this.plan(task, await this.steps(m, taskId), await this.assignments(m, taskId), now, cal) : [];
    const existing = (await m.query(
      // 催办 by hand is no part of the computed schedule: a recomputation leaves those rows alone.
      `SELECT id, key, due_at, state FROM reminders WHERE task_id = $1 AND state <> 'cancelled' AND reason <> 'manual'`,
      [taskId],
    )) as { id: string; key: string; due_at: Date; state: string }[];

    const keep = new Set<string>();
    const toInsert: PlannedReminder[] = [];
    for (const p of planned) {
      const same = existing.find((e) => e.key === p.key && e.due_at.getTime() === p.dueAt.getTime());
      if (same) keep.add(same.id);
      else toInsert.push(p);
    }
    // Live rows not kept are outdated: their key is gone, or their time moved (a new row replaces them).
    // A row being sent right now is left to finish, unless its time moved: the one live row per key
    // (reminders_live_key_idx) must then be the new one, and the sender's fenced markSent becomes a no-op.
    const replacedKeys = new Set(toInsert.map((p) => p.key));
    const cancel = existing
      .filter((e) => !keep.has(e.id))
      .filter((e) => e.state === 'pending' || e.state === 'enqueued' || (e.state === 'sending' && replacedKeys.has(e.key)))
      .map((e) => e.id);
    if (cancel.length) {
      await m.query(`UPDATE reminders SET state = 'cancelled', updated_at = now() WHERE id = ANY($1::uuid[])`, [cancel]);
    }
    if (toInsert.length) {
      // One statement for all of the task's new rows (channels travel as '{a,b}' literals: unnest flattens arrays).
      await m.query(
        `INSERT INTO reminders (key, task_id, step_id, unit_id, kind, audience, reason, notice_level, channels, due_at)
         SELECT k, $2::uuid, s, u, kd, a, r, nl, c::text[], d
           FROM unnest($1::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
                AS x(k, s, u, kd, a, r, nl, c, d)`,
        [
          toInsert.map((p) => p.key),
          taskId,
          toInsert.map((p) => p.stepId),
          toInsert.map((p) => p.unitId),
          toInsert.map((p) => p.kind),
          toInsert.map((p) => p.audience),
          toInsert.map((p) => p.reason),
          toInsert.map((p) => p.noticeLevel),
          toInsert.map((p) => `{${p.channels.join(',')}}`),
          toInsert.map((p) => p.dueAt),
        ],
      );
    }
    return { created: toInsert.length, cancelled: cancel.length };
  }

  private plan(task: TaskRow, steps: StepRow[], assignments: AssignmentRow[], now: Date, calendar: WorkCalendar): PlannedReminder[] {
    const policy = task.reminder_policy ? parsePolicy(task.reminder_policy) : (DEFAULT_REMINDER_POLICY as ReminderPolicy);
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
        })),
        policy,
        calendar,
        acknowledgementDueWorkdays: this.settings.acknowledgementDueWorkdays,
        progressCycle: task.progress_cycle,
        lastProgressAt,
        endOfDay: this.settings.endOfDay,
      },
      now,
    );
    // A reminder whose time had passed before the task existed was never missed; it was never due.
    // (Importing a plan whose deadlines are long gone must not flood every inbox.)
    return planned.filter((p) => p.dueAt >= task.created_at);
  }

  private steps(m: EntityManager, taskId: string): Promise<StepRow[]> {
    return m.query(`SELECT id, due_at, status FROM steps WHERE task_id = $1 ORDER BY position`, [taskId]);
  }

  private assignments(m: EntityManager, taskId: string): Promise<AssignmentRow[]> {
    return m.query(
      `SELECT unit_id, role, status, created_at, last_progress_at FROM assignments WHERE task_id = $1`,
      [taskId],
    );
  }
}

interface StepRow {
  id: string;
  due_at: Date;
  status: string;
}

interface AssignmentRow {
  unit_id: string;
  role: 'lead' | 'responsible' | 'assisting';
  status: AssignmentStatus;
  created_at: Date;
  last_progress_at: Date | null;
}
