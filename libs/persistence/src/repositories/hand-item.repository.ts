import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';
import { sql } from '../db/sql';
import { AssignmentEntity, PlanEntity, StepEntity } from '../entities';
import type { ImportedStep } from './plan-import.repository';
import { updateVersioned } from './versioned';

export type HandPlan = Pick<PlanEntity, 'title' | 'issuer' | 'year' | 'docNumber' | 'periodStart' | 'periodEnd' | 'sourceType' | 'createdBy' | 'publishedAt'>;

/**
 * The rows of 立项 by hand and 分办 that the plan import does not write: hand-made plans, item codes,
 * steps edited in place, removal of untouched items, and the 承办人 of a unit's part.
 */
@Injectable()
export class HandItemRepository extends RepositoryBase {
  /** A hand-made plan has no document: its content hash is a unique stand-in, never matched by an import. */
  insertPlan(p: HandPlan): Promise<PlanEntity> {
    return this.m.save(this.m.create(PlanEntity, { ...p, contentHash: `hand:${randomUUID()}`, sourceFileName: null, reminderPolicy: null, progressCycle: null }));
  }

  async setSourceFileName(planId: string, name: string): Promise<void> {
    await this.m.update(PlanEntity, { id: planId }, { sourceFileName: name });
  }

  /** The next item number of a plan ("1", "2", …), after the largest numeric code; the plan row is locked first. */
  async nextCode(planId: string): Promise<string> {
    await this.db.query(sql`SELECT id FROM plans WHERE id = ${planId} FOR UPDATE`);
    const [r] = await this.db.query<{ n: number }>(
      sql`SELECT COALESCE(max(code::int), 0)::int + 1 AS n FROM tasks WHERE plan_id = ${planId} AND code ~ '^[0-9]{1,9}$'`,
    );
    return String(r.n);
  }

  /**
   * Makes the item's steps exactly `steps`, matched by code: a kept step keeps its id and status
   * (a completed step stays completed), a new one opens, a missing one goes.
   */
  async replaceSteps(taskId: string, steps: ImportedStep[]): Promise<void> {
    const existing = await this.m.find(StepEntity, { where: { taskId } });
    const wanted = new Set(steps.map((s) => s.code));
    for (const s of existing) if (!wanted.has(s.code)) await this.m.delete(StepEntity, { id: s.id });
    // Positions are unique per item: park the kept ones out of the way before renumbering.
    await this.db.query(sql`UPDATE steps SET position = position + 100000 WHERE task_id = ${taskId}`);
    for (const [position, s] of steps.entries()) {
      const have = existing.find((e) => e.code === s.code);
      if (have) await this.m.update(StepEntity, { id: have.id }, { text: s.text, deadlineText: s.deadlineText, dueAt: s.dueAt, position, version: have.version + 1 });
      else await this.m.insert(StepEntity, { ...s, taskId, position, status: 'open' });
    }
  }

  /** Anything done on the item beyond being entered: an acknowledgement, a report, a comment, a file, a review. */
  async hasActivity(taskId: string): Promise<boolean> {
    const [r] = await this.db.query<{ any: boolean }>(sql`SELECT
      EXISTS (SELECT 1 FROM progress_reports WHERE task_id = ${taskId})
      OR EXISTS (SELECT 1 FROM comments WHERE task_id = ${taskId})
      OR EXISTS (SELECT 1 FROM files WHERE task_id = ${taskId})
      OR EXISTS (SELECT 1 FROM reviews WHERE task_id = ${taskId})
      OR EXISTS (SELECT 1 FROM extension_requests WHERE task_id = ${taskId})
      OR EXISTS (SELECT 1 FROM assignments WHERE task_id = ${taskId} AND (acknowledged_at IS NOT NULL OR progress > 0)) AS any`);
    return r.any;
  }

  /** Deletes an untouched item (steps, assignments and reminders go with it; its audit trail stays). */
  async deleteTask(taskId: string, version: number): Promise<boolean> {
    const gone = await this.db.query(sql`WITH gone AS (DELETE FROM tasks WHERE id = ${taskId} AND version = ${version} RETURNING id) SELECT id FROM gone`);
    return gone.length > 0;
  }

  /** Names (or clears) the 承办人 of one unit's part, if nobody changed the part since `version` (409 otherwise). */
  setAssignee(assignmentId: string, version: number, assigneeId: string | null): Promise<AssignmentEntity> {
    return updateVersioned(this.m, AssignmentEntity, 'assignment', assignmentId, version, {
      assigneeId,
      assignedAt: assigneeId ? new Date() : null,
      version: () => 'version + 1',
    });
  }
}
