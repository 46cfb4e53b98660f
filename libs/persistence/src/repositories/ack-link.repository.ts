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
    // The columns are named as AckLinkItem's fields: the row is the answer as it comes.
    const [row] = (await this.m.query(
      `SELECT a.id AS "assignmentId", t.id AS "taskId", t.code, t.title, p.title AS "planTitle", t.due_at AS "dueAt", t.status AS "taskStatus",
              u.name AS "unitName", a.role, a.status AS "partStatus", a.acknowledged_at AS "acknowledgedAt"
         FROM assignments a
         JOIN tasks t ON t.id = a.task_id
         JOIN plans p ON p.id = t.plan_id
         JOIN units u ON u.id = a.unit_id
        WHERE a.task_id = $1 AND a.unit_id = $2${lock ? ' FOR UPDATE OF a, t' : ''}`,
      [taskId, unitId],
    )) as AckLinkItem[];
    return row ?? null;
  }
}
