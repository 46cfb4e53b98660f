import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';

/** The item a reminder mail's acknowledgement link is about, as its recipient's unit sees it. */
export interface AckLinkItem {
  assignmentId: string;
  taskId: string;
  code: string;
  title: string;
  planTitle: string;
  dueAt: Date;
  taskStatus: string;
  unitName: string;
  role: string;
  partStatus: string;
  acknowledgedAt: Date | null;
}

/** Reads behind the acknowledgement link (the 签收 itself goes through TaskRepository.acknowledge). */
@Injectable()
export class AckLinkRepository extends RepositoryBase {
  /** The unit's part of the item with the item's summary, or null when the unit is not on it; `lock` for the 签收. */
  async item(taskId: string, unitId: string, lock = false): Promise<AckLinkItem | null> {
    const [row] = (await this.m.query(
      `SELECT a.id AS assignment_id, t.id AS task_id, t.code, t.title, p.title AS plan_title, t.due_at, t.status AS task_status,
              u.name AS unit_name, a.role, a.status AS part_status, a.acknowledged_at
         FROM assignments a
         JOIN tasks t ON t.id = a.task_id
         JOIN plans p ON p.id = t.plan_id
         JOIN units u ON u.id = a.unit_id
        WHERE a.task_id = $1 AND a.unit_id = $2${lock ? ' FOR UPDATE OF a, t' : ''}`,
      [taskId, unitId],
    )) as Record<string, unknown>[];
    if (!row) return null;
    return {
      assignmentId: row.assignment_id as string,
      taskId: row.task_id as string,
      code: row.code as string,
      title: row.title as string,
      planTitle: row.plan_title as string,
      dueAt: row.due_at as Date,
      taskStatus: row.task_status as string,
      unitName: row.unit_name as string,
      role: row.role as string,
      partStatus: row.part_status as string,
      acknowledgedAt: row.acknowledged_at as Date | null,
    };
  }
}
