import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WorkCalendar } from '@app/domain';
import { Db } from '../db/unit-of-work';
import { ReminderPlanner } from './reminder-planner';
import { WorkCalendarRepository } from './work-calendar.repository';

/** Tasks recomputed per statement group in a plan-wide re-plan (about 7 reminder rows each). */
const REPLAN_PAGE = 2000;

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export interface Actor {
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

export type DomainEventType =
  | 'task.created'
  | 'task.deadline_changed'
  | 'task.status_changed'
  | 'task.assignment_changed'
  | 'task.removed'
  | 'plan.policy_changed'
  | 'calendar.changed'
  | 'task.edited'
  | 'task.assignee_changed';

/**
 * Writes the audit trail and the domain event of a change through the caller's transaction,
 * so a change and its record commit or roll back together.
 */
@Injectable()
export class Journal {
  constructor(
    private readonly db: Db,
    private readonly planner: ReminderPlanner,
    private readonly calendars: WorkCalendarRepository,
  ) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  async audit(
    actor: Actor,
    action: string,
    entity: { type: string; id: string; taskId?: string | null },
    before: unknown,
    after: unknown,
  ): Promise<void> {
    await this.m.query(
      `INSERT INTO audit_events (actor_id, actor_name, action, entity_type, entity_id, task_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [actor.id, actor.name, action, entity.type, entity.id, entity.taskId ?? null, json(before), json(after)],
    );
  }

  /**
   * Records the event and, for a task, recomputes its reminder schedule in the same transaction:
   * every change that can move a reminder publishes an event, so none can forget to reschedule.
   */
  async event(type: DomainEventType, taskId: string | null, payload: Record<string, unknown> = {}): Promise<void> {
    await this.m.query(`INSERT INTO domain_events (type, task_id, payload) VALUES ($1, $2, $3)`, [type, taskId, json(payload)]);
    if (taskId) await this.planner.recompute(taskId, new Date());
  }

  /** A plan-wide change (its reminder policy or report cycle): every open task is rescheduled. */
  async planEvent(type: DomainEventType, planId: string, payload: Record<string, unknown> = {}): Promise<number> {
    await this.m.query(`INSERT INTO domain_events (type, task_id, payload) VALUES ($1, NULL, $2)`, [
      type,
      json({ planId, ...payload }),
    ]);
    const tasks: { id: string }[] = await this.m.query(
      `SELECT id FROM tasks WHERE plan_id = $1 AND status NOT IN ('completed', 'cancelled') ORDER BY code`,
      [planId],
    );
    const now = new Date();
    const calendar = await this.calendars.current();
    await this.recomputeAll(tasks.map((t) => t.id), now, calendar);
    return tasks.length;
  }

  /** The working-day calendar changed: every open task of every plan is rescheduled on the new one. */
  async calendarEvent(payload: Record<string, unknown>): Promise<number> {
    await this.m.query(`INSERT INTO domain_events (type, task_id, payload) VALUES ('calendar.changed', NULL, $1)`, [json(payload)]);
    const tasks: { id: string }[] = await this.m.query(`SELECT id FROM tasks WHERE status NOT IN ('completed', 'cancelled') ORDER BY id`);
    const now = new Date();
    const calendar = await this.calendars.current();
    await this.recomputeAll(tasks.map((t) => t.id), now, calendar);
    return tasks.length;
  }

  /** Pages of tasks through the planner's bulk path: a few statements per page, memory bounded by the page. */
  private async recomputeAll(ids: readonly string[], now: Date, calendar: WorkCalendar): Promise<void> {
    for (let i = 0; i < ids.length; i += REPLAN_PAGE) await this.planner.recomputeMany(ids.slice(i, i + REPLAN_PAGE), now, calendar);
  }
}
