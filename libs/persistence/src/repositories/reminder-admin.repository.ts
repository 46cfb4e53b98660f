import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';

/** What supervisors see of the reminder engine: an item's schedule, what was sent, what failed. */
@Injectable()
export class ReminderAdminRepository extends RepositoryBase {
  /** The item's reminder rows in time order (API shape: camelCase columns). */
  schedule(taskId: string): Promise<Record<string, unknown>[]> {
    return this.m.query(
      `SELECT r.id, r.kind, r.audience, r.reason, r.notice_level AS "noticeLevel", r.channels, r.due_at AS "dueAt",
              r.state, r.attempts, r.last_error AS "lastError", r.late, r.sent_at AS "sentAt", r.step_id AS "stepId",
              u.name AS "unitName"
         FROM reminders r LEFT JOIN units u ON u.id = r.unit_id
        WHERE r.task_id = $1 ORDER BY r.due_at, r.key`,
      [taskId],
    );
  }

  /** Every message sent about the item, oldest first. */
  deliveries(taskId: string): Promise<Record<string, unknown>[]> {
    return this.m.query(
      `SELECT n.reminder_id AS "reminderId", n.channel, n.recipient, us.display_name AS "userName", n.subject,
              n.created_at AS "sentAt"
         FROM notifications n LEFT JOIN users us ON us.id = n.user_id
        WHERE n.task_id = $1 ORDER BY n.created_at`,
      [taskId],
    );
  }

  /** Failed reminders, newest first: of every plan, or only of the plans `supervisorId` supervises. */
  async failed(o: { supervisorId: string | null; offset: number; limit: number }): Promise<{ rows: Record<string, unknown>[]; total: number }> {
    const scope = o.supervisorId ? `AND t.plan_id IN (SELECT plan_id FROM plan_supervisors WHERE user_id = $3)` : '';
    const params: unknown[] = [o.limit, o.offset];
    if (o.supervisorId) params.push(o.supervisorId);
    const rows = (await this.m.query(
      `SELECT r.id, r.task_id AS "taskId", t.code AS "taskCode", t.title AS "taskTitle", r.kind, r.audience,
              u.name AS "unitName", r.due_at AS "dueAt", r.attempts, r.last_error AS "lastError", r.updated_at AS "failedAt",
              count(*) OVER () AS total
         FROM reminders r JOIN tasks t ON t.id = r.task_id LEFT JOIN units u ON u.id = r.unit_id
        WHERE r.state = 'failed' ${scope}
        ORDER BY r.updated_at DESC LIMIT $1 OFFSET $2`,
      params,
    )) as Record<string, unknown>[];
    return { rows: rows.map(({ total: _, ...r }) => r), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** A reminder's state and the plan of its item. */
  async stateAndPlan(id: string): Promise<{ state: string; planId: string } | null> {
    const [r] = (await this.m.query(`SELECT r.state, t.plan_id FROM reminders r JOIN tasks t ON t.id = r.task_id WHERE r.id = $1`, [id])) as {
      state: string;
      plan_id: string;
    }[];
    return r ? { state: r.state, planId: r.plan_id } : null;
  }
}
