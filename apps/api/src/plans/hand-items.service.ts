import { ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { Env } from '@app/config';
import { AssignmentRole, DOCUMENT_SOURCE, dueAtFor, removalOf, shanghaiDate, transition } from '@app/domain';
import { Indicator, readDeadlineInput, readRecurrenceInput, Recurrence } from '@app/importer';
import {
  FileRepository,
  HandItemRepository,
  ImportedStep,
  ImportedTask,
  Journal,
  PlanEntity,
  PlanImportRepository,
  PlanRepository,
  StaleVersionError,
  TaskEntity,
  TaskRepository,
  UnitOfWork,
  UnitRepository,
} from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { attachEvidence } from '../files/attach-evidence';
import { statusOf } from '../tasks/light-policy';
import { actorOf, supervisingRoleOf } from '../tasks/task-gate';
import { illegal } from '../tasks/task-workflow.service';
import { AssignedItemDto, CreatePlanDto, ItemEditDto, ItemInputDto, ItemRemoveDto } from './hand-items.dto';
import { ItemRemovalResponse } from './hand-items.response';
import { refusalBody } from '../common/http-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIT_LISTS = [
  ['leadUnits', 'lead'],
  ['responsibleUnits', 'responsible'],
  ['assistingUnits', 'assisting'],
] as const;

/** Refused input, every problem named by its field in Chinese (for the person at the form). */
class ItemInputError extends UnprocessableEntityException {
  constructor(messages: string[]) {
    super(refusalBody('item_input', messages));
  }
}

interface ItemFields {
  task: Partial<ImportedTask>;
  steps?: ImportedStep[];
  /** Unit id → role for the roles the input named. */
  units?: Map<AssignmentRole, string[]>;
}

const snapshot = (t: TaskEntity) => ({
  title: t.title,
  content: t.content,
  goal: t.goal,
  deadlineText: t.deadlineText,
  dueAt: t.dueAt.toISOString(),
  originalDueAt: t.originalDueAt.toISOString(),
  recurrence: t.recurrence,
  indicators: t.indicators,
  version: t.version,
});

/**
 * 立项 by hand: plans entered by a supervisor (领导批示, 会议议定 …), their items added, edited and
 * removed, and the one-call 交办件. Every change is one unit of work with its audit record and the
 * item's recomputed reminders (Journal.event).
 */
@Injectable()
export class HandItemsService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly hand: HandItemRepository,
    private readonly writes: PlanImportRepository,
    private readonly tasks: TaskRepository,
    private readonly units: UnitRepository,
    private readonly files: FileRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
    private readonly env: Env,
  ) {}

  /** POST /plans: the caller supervises the new plan. */
  createPlan(user: AuthUser, dto: CreatePlanDto, now = new Date()): Promise<PlanEntity> {
    return this.uow.run(async () => {
      const year = dto.year ?? Number(shanghaiDate(now).slice(0, 4));
      const periodStart = dto.periodStart ?? `${year}-01-01`;
      const periodEnd = dto.periodEnd ?? `${year}-12-31`;
      if (periodEnd < periodStart) throw new ItemInputError([`periodEnd: 结束日期 ${periodEnd} 早于开始日期 ${periodStart}`]);
      const plan = await this.hand.insertPlan({
        title: dto.title.trim(),
        issuer: dto.issuer?.trim() || null,
        docNumber: dto.docNumber?.trim() || null,
        year,
        publishedAt: null,
        periodStart,
        periodEnd,
        sourceType: dto.sourceType,
        createdBy: user.id,
      });
      await this.plans.addSupervisor(plan.id, user.id);
      if (dto.sourceFileId) {
        const [file] = await attachEvidence(this.files, user.id, [dto.sourceFileId], { attachedTo: 'plan_source', planId: plan.id });
        await this.hand.setSourceFileName(plan.id, file.name);
      }
      await this.journal.audit(actorOf(user), 'plan.created_by_hand', { type: 'plan', id: plan.id }, null, {
        title: plan.title,
        issuer: plan.issuer,
        docNumber: plan.docNumber,
        year,
        sourceType: dto.sourceType,
        sourceFileId: dto.sourceFileId ?? null,
      });
      return plan;
    });
  }

  /** POST /plans/:id/tasks */
  addItem(user: AuthUser, planId: string, dto: ItemInputDto): Promise<TaskEntity> {
    return this.uow.run(async () => {
      const plan = await this.editablePlan(user, planId);
      return this.insertItem(user, plan, dto);
    });
  }

  /** POST /tasks: a 交办件 is a plan of its own (its source, 文号 and document) holding one item. */
  createAssignedItem(user: AuthUser, dto: AssignedItemDto, now = new Date()): Promise<TaskEntity> {
    return this.uow.run(async () => {
      const plan = await this.createPlan(user, { ...dto, title: dto.title }, now);
      return this.insertItem(user, plan, dto);
    });
  }

  private async insertItem(user: AuthUser, plan: PlanEntity, dto: ItemInputDto): Promise<TaskEntity> {
    const read = await this.readItem(plan, dto, true);
    const code = await this.hand.nextCode(plan.id);
    const fields = { groupName: null, section: null, content: '', goal: null, indicators: [], ...read.task, dueAt: read.task.originalDueAt, code } as ImportedTask;
    const task = await this.writes.insertTask(plan.id, fields, read.steps ?? []);
    const wanted = this.roleOfUnit(read.units!);
    await this.writes.syncAssignments(task.id, [], wanted);
    await this.journal.audit(actorOf(user), 'task.created_by_hand', { type: 'task', id: task.id, taskId: task.id }, null, {
      ...snapshot(task),
      code,
      steps: (read.steps ?? []).map((s) => ({ code: s.code, text: s.text, dueAt: s.dueAt.toISOString() })),
      units: [...wanted].map(([unitId, role]) => ({ unitId, role })),
    });
    await this.journal.event('task.created', task.id, { planId: plan.id, dueAt: task.dueAt.toISOString() });
    return task;
  }

  /** PATCH /plans/:id/tasks/:taskId: only what is sent changes; 409 on a stale version. */
  editItem(user: AuthUser, planId: string, taskId: string, dto: ItemEditDto): Promise<TaskEntity> {
    return this.uow.run(async () => {
      const plan = await this.editablePlan(user, planId);
      const before = await this.itemAt(plan, taskId, dto.version);
      if (['completed', 'cancelled'].includes(before.status)) {
        throw new UnprocessableEntityException(`事项已${before.status === 'completed' ? '办结' : '撤销'}，不能再修改`);
      }
      const read = await this.readItem(plan, dto, false);
      const patch: Partial<ImportedTask> = { ...read.task };
      if (patch.originalDueAt) {
        // An approved extension keeps its later deadline, as a revised document does.
        patch.dueAt = before.extensionApprovedAt && before.dueAt > patch.originalDueAt ? before.dueAt : patch.originalDueAt;
      }
      const after = await this.tasks.update(taskId, dto.version, { ...(patch as Partial<TaskEntity>), version: () => 'version + 1' });
      if (read.steps) await this.hand.replaceSteps(taskId, read.steps);
      let units: { before: unknown; after: unknown } | null = null;
      if (read.units) {
        const existing = await this.writes.assignments(taskId);
        const byRole = new Map<AssignmentRole, string[]>();
        for (const a of existing) byRole.set(a.role, [...(byRole.get(a.role) ?? []), a.unitId]);
        for (const [role, ids] of read.units) byRole.set(role, ids);
        const wanted = this.roleOfUnit(byRole);
        await this.writes.syncAssignments(taskId, existing, wanted);
        units = { before: existing.map((a) => ({ unitId: a.unitId, role: a.role })), after: [...wanted].map(([unitId, role]) => ({ unitId, role })) };
      }
      await this.journal.audit(actorOf(user), 'task.edited', { type: 'task', id: taskId, taskId }, { ...snapshot(before), units: units?.before }, {
        ...snapshot(after),
        steps: read.steps?.map((s) => ({ code: s.code, text: s.text, dueAt: s.dueAt.toISOString() })),
        units: units?.after,
      });
      // Any of deadline, steps or units moves reminders; recomputing is idempotent, so always publish.
      await this.journal.event('task.edited', taskId, { from: before.dueAt.toISOString(), to: after.dueAt.toISOString() });
      return after;
    });
  }

  /**
   * DELETE /plans/:id/tasks/:taskId: an item nobody has touched is deleted; one with any progress is
   * cancelled with the reason, never silently deleted.
   */
  removeItem(user: AuthUser, planId: string, taskId: string, dto: ItemRemoveDto): Promise<ItemRemovalResponse> {
    return this.uow.run(async () => {
      const task = await this.itemAt(await this.editablePlan(user, planId), taskId, dto.version);
      const outcome = removalOf({ status: task.status, progress: task.progress, hasActivity: await this.hand.hasActivity(taskId) });
      const actor = actorOf(user);
      if (outcome === 'delete') {
        await this.journal.audit(actor, 'task.deleted', { type: 'task', id: taskId, taskId }, { ...snapshot(task), code: task.code }, { reason: dto.reason ?? null });
        if (!(await this.hand.deleteTask(taskId, dto.version))) throw new StaleVersionError('task', taskId, dto.version, dto.version + 1);
        await this.journal.event('task.removed', taskId, { planId, deleted: true });
        return { id: taskId, outcome: 'deleted' as const, status: null, version: null };
      }
      const reason = dto.reason?.trim();
      if (!reason) throw new ItemInputError(['reason: 该事项已有办理记录，只能撤销，请填写撤销理由']);
      const r = transition(statusOf(task.status), 'cancelled', { actorRole: supervisingRoleOf(user), reason });
      if (!r.ok) throw illegal(r.error);
      const after = await this.tasks.update(taskId, dto.version, { status: r.status, statusReason: reason });
      await this.journal.audit(actor, 'task.cancelled', { type: 'task', id: taskId, taskId }, { status: task.status, version: task.version }, {
        status: after.status,
        version: after.version,
        reason,
        removedByHand: true,
      });
      await this.journal.event('task.status_changed', taskId, { from: task.status, to: after.status, reason });
      return { id: taskId, outcome: 'cancelled' as const, status: after.status, version: after.version };
    });
  }

  /** A hand-made plan the caller supervises (admins: any); 404 when there is none. */
  private async editablePlan(user: AuthUser, planId: string): Promise<PlanEntity> {
    const plan = await this.plans.findById(planId);
    if (!plan) throw new NotFoundException(`plan ${planId} not found`);
    if (!user.roles.includes('admin') && !(await this.plans.isSupervisor(planId, user.id))) {
      throw new ForbiddenException('only a supervisor of this plan (or an admin) may change its items');
    }
    if (plan.sourceType === DOCUMENT_SOURCE) {
      throw new UnprocessableEntityException('该计划由文件导入，其事项随文件修订（重新导入）变更；手工立项的计划才可逐项增删改');
    }
    return plan;
  }

  /** The plan's item as the caller last saw it: 404 when the plan has no such item, 409 when its version moved on. */
  private async itemAt(plan: PlanEntity, taskId: string, version: number): Promise<TaskEntity> {
    const task = await this.tasks.findById(taskId);
    if (!task || task.planId !== plan.id) throw new NotFoundException(`task ${taskId} not found in plan ${plan.id}`);
    if (task.version !== version) throw new StaleVersionError('task', taskId, version, task.version);
    return task;
  }

  /** The input read into rows: deadlines in the plan's year, units through the directory; all problems at once. */
  private async readItem(plan: PlanEntity, dto: Partial<ItemInputDto>, creating: boolean): Promise<ItemFields> {
    const errors: string[] = [];
    const ctx = { year: plan.year, periodStart: plan.periodStart, periodEnd: plan.periodEnd };
    const task: Partial<ImportedTask> = {};
    if (dto.title !== undefined) task.title = dto.title.trim();
    if (dto.content !== undefined) task.content = dto.content;
    if (dto.goal !== undefined) task.goal = dto.goal || null;
    if (dto.indicators !== undefined) task.indicators = dto.indicators.map((i): Indicator => ({ ...i, deadline: i.deadline ?? null }));
    // '' clears a recurrence; a deadline in words may carry one ("每季度").
    let recurrence: Recurrence | null | undefined;
    if (dto.recurrence !== undefined) {
      recurrence = dto.recurrence.trim() === '' ? null : readRecurrenceInput(dto.recurrence);
      if (recurrence === null && dto.recurrence.trim() !== '') errors.push(`recurrence: 周期「${dto.recurrence}」无法识别（可写 每月、每季度、每年）`);
    }
    if (dto.deadline !== undefined) {
      const d = readDeadlineInput(dto.deadline, ctx);
      if (!d) errors.push(`deadline: 完成时限「${dto.deadline}」无法识别（可写 2025-09-30、9月底前、三季度、年底前）`);
      else {
        Object.assign(task, { deadlineText: d.text, originalDueAt: this.dueAt(d.date) });
        if (recurrence === undefined && d.recurrence) recurrence = d.recurrence;
      }
    } else if (creating && recurrence) {
      // A recurring item without a date of its own runs to the plan's end.
      Object.assign(task, { deadlineText: null, originalDueAt: this.dueAt(plan.periodEnd) });
    } else if (creating) {
      errors.push('deadline: 请填写完成时限（或周期，如每季度）');
    }
    if (recurrence !== undefined) task.recurrence = recurrence;
    else if (creating) task.recurrence = null;
    let steps: ImportedStep[] | undefined;
    if (dto.steps) {
      const codes = new Set<string>();
      steps = [];
      for (const [i, s] of dto.steps.entries()) {
        const code = s.code?.trim() || String(i + 1);
        if (codes.has(code)) errors.push(`steps[${i}].code: 步骤编号「${code}」重复`);
        codes.add(code);
        const d = readDeadlineInput(s.deadline, ctx);
        if (!d) errors.push(`steps[${i}].deadline: 步骤 ${code} 的完成时限「${s.deadline}」无法识别`);
        else steps.push({ code, text: s.text.trim(), deadlineText: d.text, dueAt: this.dueAt(d.date) });
      }
    }
    const units = new Map<AssignmentRole, string[]>();
    for (const [field, role] of UNIT_LISTS) {
      const names = dto[field];
      if (names === undefined) {
        if (creating) units.set(role, []);
        continue;
      }
      const known = errors.length;
      const ids = await this.unitIds(field, names, errors);
      // Unknown names are already reported; an empty lead list (or a group with no units) is not.
      if (role === 'lead' && ids.length === 0 && errors.length === known) errors.push('leadUnits: 请至少指定一个牵头单位');
      units.set(role, ids);
    }
    if (errors.length) throw new ItemInputError(errors);
    return { task, steps, units: units.size ? units : undefined };
  }

  private dueAt(date: string): Date {
    return dueAtFor(date, this.env.DUE_TIME);
  }

  private async unitIds(field: string, names: string[], errors: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const raw of names) {
      const name = raw.trim();
      if (UUID.test(name)) {
        const [unit] = await this.units.byIds([name]);
        if (unit) ids.push(unit.id);
        else errors.push(`${field}: 单位 ${name} 不存在`);
        continue;
      }
      const found = await this.units.resolve(name);
      if (found.kind === 'unit') ids.push(found.unit.id);
      else if (found.kind === 'group') ids.push(...found.units.map((u) => u.id));
      else errors.push(`${field}: 单位「${name}」不在单位名录中（先在单位管理或名录导入中添加）`);
    }
    return [...new Set(ids)];
  }

  /** One role per unit: a unit named in two lists keeps the stronger (lead, then responsible, then assisting). */
  private roleOfUnit(byRole: Map<AssignmentRole, string[]>): Map<string, AssignmentRole> {
    const out = new Map<string, AssignmentRole>();
    for (const [, role] of UNIT_LISTS) for (const id of byRole.get(role) ?? []) if (!out.has(id)) out.set(id, role);
    return out;
  }
}
