import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_REMINDER_POLICY, progressCycleError, validatePolicy } from '@app/domain';
import { Journal, PlanEntity, ReminderRepository } from '@app/persistence';
import { AuthUser, hasRole } from '../common/current-user';
import { page, PageQuery } from '../common/pagination';
import { ReminderEnqueuer } from './reminder-enqueuer';

@Injectable()
export class RemindersService {
  private readonly reminders: ReminderRepository;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly enqueuer: ReminderEnqueuer,
  ) {
    this.reminders = new ReminderRepository(ds);
  }

  /** Supervisors of the plan, leaders and admins may see and change a plan's reminders. */
  private async assertSupervises(user: AuthUser, planId: string, write: boolean) {
    const plan = await this.ds.manager.findOne(PlanEntity, { where: { id: planId } });
    if (!plan) throw new NotFoundException(`plan ${planId} not found`);
    if (hasRole(user, 'admin') || (!write && hasRole(user, 'leader'))) return plan;
    if (hasRole(user, 'supervisor')) {
      const rows = await this.ds.query(`SELECT 1 FROM plan_supervisors WHERE plan_id = $1 AND user_id = $2`, [planId, user.id]);
      if (rows.length) return plan;
    }
    throw new ForbiddenException('only the supervisors of this plan may do this');
  }

  async getPolicy(user: AuthUser, planId: string) {
    const plan = await this.assertSupervises(user, planId, false);
    return {
      planId,
      version: plan.version,
      isDefault: plan.reminderPolicy == null,
      policy: plan.reminderPolicy ?? DEFAULT_REMINDER_POLICY,
      progressCycle: plan.progressCycle,
    };
  }

  /** Saves the policy and reschedules every open item of the plan in the same transaction. */
  async putPolicy(user: AuthUser, planId: string, body: unknown, version: unknown) {
    const errors = validatePolicy(body);
    if (errors.length) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: errors.map((e) => `${e.field}: ${e.message}`),
      });
    }
    return this.savePlanSetting(user, planId, version, 'reminderPolicy', body);
  }

  async putProgressCycle(user: AuthUser, planId: string, body: unknown, version: unknown) {
    const cycle = body === null || (typeof body === 'object' && body !== null && Object.keys(body).length === 0) ? null : body;
    if (cycle !== null) {
      const error = progressCycleError(cycle);
      if (error) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [`progressCycle: ${error}`] });
    }
    return this.savePlanSetting(user, planId, version, 'progressCycle', cycle);
  }

  private async savePlanSetting(user: AuthUser, planId: string, version: unknown, field: 'reminderPolicy' | 'progressCycle', value: unknown) {
    if (!Number.isInteger(version)) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: ['version: must be the integer version of the plan (from GET)'] });
    const before = await this.assertSupervises(user, planId, true);
    const column = field === 'reminderPolicy' ? 'reminder_policy' : 'progress_cycle';
    const rescheduled = await this.ds.transaction(async (m) => {
      const [, n] = (await m.query(
        `UPDATE plans SET ${column} = $1, version = version + 1, updated_at = now() WHERE id = $2 AND version = $3`,
        [value === null ? null : JSON.stringify(value), planId, version],
      )) as [unknown, number];
      if (n === 0) {
        const [cur] = await m.query(`SELECT version FROM plans WHERE id = $1`, [planId]);
        throw new StaleVersion(cur?.version);
      }
      const journal = new Journal(m);
      await journal.audit({ id: user.id, name: user.username }, `plan.${field === 'reminderPolicy' ? 'reminder_policy' : 'progress_cycle'}_changed`, { type: 'plan', id: planId }, before[field], value);
      return journal.planEvent('plan.policy_changed', planId, { field });
    });
    void this.enqueuer.flush();
    return { ...(await this.getPolicy(user, planId)), rescheduledTasks: rescheduled };
  }

  async forTask(user: AuthUser, taskId: string) {
    const [task] = await this.ds.query(`SELECT plan_id FROM tasks WHERE id = $1`, [taskId]);
    if (!task) throw new NotFoundException(`task ${taskId} not found`);
    await this.assertSupervises(user, task.plan_id, false);
    const schedule = await this.ds.query(
      `SELECT r.id, r.kind, r.audience, r.reason, r.notice_level AS "noticeLevel", r.channels, r.due_at AS "dueAt",
              r.state, r.attempts, r.last_error AS "lastError", r.late, r.sent_at AS "sentAt", r.step_id AS "stepId",
              u.name AS "unitName"
         FROM reminders r LEFT JOIN units u ON u.id = r.unit_id
        WHERE r.task_id = $1 ORDER BY r.due_at, r.key`,
      [taskId],
    );
    const deliveries = await this.ds.query(
      `SELECT n.reminder_id AS "reminderId", n.channel, n.recipient, us.display_name AS "userName", n.subject,
              n.created_at AS "sentAt"
         FROM notifications n LEFT JOIN users us ON us.id = n.user_id
        WHERE n.task_id = $1 ORDER BY n.created_at`,
      [taskId],
    );
    return { taskId, schedule, deliveries };
  }

  async failed(user: AuthUser, q: PageQuery) {
    const scope = hasRole(user, 'admin', 'leader') ? '' : `AND t.plan_id IN (SELECT plan_id FROM plan_supervisors WHERE user_id = $3)`;
    const params: unknown[] = [q.limit, (q.page - 1) * q.limit];
    if (scope) params.push(user.id);
    const rows = await this.ds.query(
      `SELECT r.id, r.task_id AS "taskId", t.code AS "taskCode", t.title AS "taskTitle", r.kind, r.audience,
              u.name AS "unitName", r.due_at AS "dueAt", r.attempts, r.last_error AS "lastError", r.updated_at AS "failedAt",
              count(*) OVER () AS total
         FROM reminders r JOIN tasks t ON t.id = r.task_id LEFT JOIN units u ON u.id = r.unit_id
        WHERE r.state = 'failed' ${scope}
        ORDER BY r.updated_at DESC LIMIT $1 OFFSET $2`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : 0;
    return page(rows.map(({ total: _, ...r }: { total: string }) => r), total, q);
  }

  async retry(user: AuthUser, id: string) {
    const [r] = await this.ds.query(`SELECT r.state, t.plan_id FROM reminders r JOIN tasks t ON t.id = r.task_id WHERE r.id = $1`, [id]);
    if (!r) throw new NotFoundException(`reminder ${id} not found`);
    await this.assertSupervises(user, r.plan_id, true);
    // due_at stays: it is part of the schedule's identity (a changed one would make the next
    // recompute cancel this row and plan the same reminder again). A past due_at is enqueued at once.
    if (!(await this.reminders.requeueFailed(id))) throw new BadRequestException(`reminder ${id} is ${r.state}, not failed`);
    await this.enqueuer.flush();
    return { id, state: 'pending' };
  }
}

/** Mapped to 409 with the current version by the controller. */
export class StaleVersion extends Error {
  constructor(readonly currentVersion: number | undefined) {
    super('stale version');
  }
}
