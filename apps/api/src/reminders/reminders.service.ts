import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DEFAULT_REMINDER_POLICY, progressCycleError, validatePolicy } from '@app/domain';
import { redactUrls } from '@app/notifications';
import { Journal, PlanRepository, ReminderAdminRepository, ReminderRepository, TaskRepository, UnitOfWork } from '@app/persistence';
import { AuthUser, hasRole } from '../common/current-user';
import { page, PageQuery } from '../common/pagination';
import { ReminderEnqueuer } from './reminder-enqueuer';

/** Repository rows are loosely typed: a text column, every URL in it shown by its host only. */
const redacted = (value: unknown) => redactUrls(typeof value === 'string' ? value : null);

@Injectable()
export class RemindersService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly tasks: TaskRepository,
    private readonly reminders: ReminderRepository,
    private readonly admin: ReminderAdminRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
    private readonly enqueuer: ReminderEnqueuer,
  ) {}

  /** Supervisors of the plan, leaders and admins may see and change a plan's reminders. */
  private async assertSupervises(user: AuthUser, planId: string, write: boolean) {
    const plan = await this.plans.findById(planId);
    if (!plan) throw new NotFoundException(`plan ${planId} not found`);
    if (hasRole(user, 'admin') || (!write && hasRole(user, 'leader'))) return plan;
    if (hasRole(user, 'supervisor') && (await this.plans.isSupervisor(planId, user.id))) return plan;
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
    const rescheduled = await this.uow.run(async () => {
      const stale = await this.plans.saveSetting(planId, field, value, version as number);
      if (stale) throw new StaleVersion(stale.stale);
      await this.journal.audit({ id: user.id, name: user.username }, `plan.${field === 'reminderPolicy' ? 'reminder_policy' : 'progress_cycle'}_changed`, { type: 'plan', id: planId }, before[field], value);
      return this.journal.planEvent('plan.policy_changed', planId, { field });
    });
    void this.enqueuer.flush();
    return { ...(await this.getPolicy(user, planId)), rescheduledTasks: rescheduled };
  }

  async forTask(user: AuthUser, taskId: string) {
    const planId = await this.tasks.planIdOf(taskId);
    if (!planId) throw new NotFoundException(`task ${taskId} not found`);
    await this.assertSupervises(user, planId, false);
    // A robot's URL may hold its key: recipients and errors show its host only (also for rows
    // recorded before the worker stored hosts).
    const schedule = (await this.admin.schedule(taskId)).map((r) => ({ ...r, lastError: redacted(r.lastError) }));
    const deliveries = (await this.admin.deliveries(taskId)).map((d) => ({ ...d, recipient: redacted(d.recipient) }));
    return { taskId, schedule, deliveries };
  }

  async failed(user: AuthUser, q: PageQuery) {
    const supervisorId = hasRole(user, 'admin', 'leader') ? null : user.id;
    const { rows, total } = await this.admin.failed({ supervisorId, offset: (q.page - 1) * q.limit, limit: q.limit });
    return page(rows.map((r) => ({ ...r, lastError: redacted(r.lastError) })), total, q);
  }

  async retry(user: AuthUser, id: string) {
    const r = await this.admin.stateAndPlan(id);
    if (!r) throw new NotFoundException(`reminder ${id} not found`);
    await this.assertSupervises(user, r.planId, true);
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
