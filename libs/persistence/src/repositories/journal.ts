import { EntityManager } from 'typeorm';

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
  | 'plan.policy_changed';

/**
 * Writes the audit trail and the domain event of a change through the caller's transaction,
 * so a change and its record commit or roll back together.
 */
export class Journal {
  constructor(private readonly m: EntityManager) {}

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

  async event(type: DomainEventType, taskId: string | null, payload: Record<string, unknown> = {}): Promise<void> {
    await this.m.query(`INSERT INTO domain_events (type, task_id, payload) VALUES ($1, $2, $3)`, [type, taskId, json(payload)]);
  }
}
