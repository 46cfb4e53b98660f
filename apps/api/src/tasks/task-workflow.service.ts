import { BadRequestException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { asAssignmentStatus, AssignmentStatus, dueAtFor, IllegalTransition, isIsoDate, TaskStatus, transition, transitionAssignment } from '@app/domain';
import { Env } from '@app/config';
import {
  AssignmentEntity,
  FileRepository,
  Journal,
  TaskActivityRepository,
  TaskEntity,
  TaskRepository,
  StaleVersionError,
  UnitAdminRepository,
  UnitOfWork,
} from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { BulkAssignDto, PatchTaskDto, ProgressDto, ReviewDto, StepCompleteDto, SubmitDto, TransitionDto } from './dto/task-commands.dto';
import { statusOf } from './light-policy';
import { actorOf, LoadedTask, requireAct, requireSupervise, supervisingRoleOf, TaskGate, unitRoleOf } from './task-gate';
import { toProgress, toStep } from './task-views';
import { attachEvidence } from '../files/attach-evidence';
import { toFileResponse } from '../files/file-views';
import { refusal } from '../common/http-errors';

/** A date means DUE_TIME (Shanghai) of that day, as the importer reads deadlines; a timestamp is taken as given. */
export const parseDeadline = (value: string, dueTime: string): Date => (isIsoDate(value) ? dueAtFor(value, dueTime) : new Date(value));

export const illegal = (e: IllegalTransition) => refusal(e.code, e.message, { from: e.from, to: e.to, allowed: e.allowed });

const UNIT_TARGETS: readonly TaskStatus[] = ['acknowledged', 'in_progress'];
const REVIEW_TARGETS: readonly TaskStatus[] = ['submitted', 'completed', 'returned'];

/**
 * A client acting on an old version is told to reload (409) before being told the move is not
 * allowed (422): the refusal may only be because someone else moved the item meanwhile. The
 * conditional UPDATE still decides races between requests that both pass this check.
 */
function assertFresh(task: TaskEntity, version: number): void {
  if (task.version !== version) throw new StaleVersionError('task', task.id, version, task.version);
}

const snapshot = (t: TaskEntity) => ({ status: t.status, progress: t.progress, dueAt: t.dueAt.toISOString(), version: t.version });

/** Every change to an item: each in the caller's transaction, with its audit record and domain event. */
@Injectable()
export class TaskWorkflowService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly activity: TaskActivityRepository,
    private readonly units: UnitAdminRepository,
    private readonly journal: Journal,
    private readonly gate: TaskGate,
    private readonly uow: UnitOfWork,
    private readonly files: FileRepository,
    private readonly env: Env,
  ) {}

  /** The caller's own lead or responsible assignment on the item. */
  private ownAssignment(user: AuthUser, loaded: LoadedTask): AssignmentEntity {
    const a = loaded.assignments.find((x) => x.unitId === user.unitId && x.role !== 'assisting');
    if (!a) throw new ForbiddenException('your unit is not a lead or responsible unit of this item');
    return a;
  }

  private async moveAssignment(a: AssignmentEntity, to: AssignmentStatus, patch: Partial<AssignmentEntity> = {}) {
    const from = asAssignmentStatus(a.status);
    if (from !== to) {
      const r = transitionAssignment(from, to);
      if (!r.ok) throw new UnprocessableEntityException({ statusCode: 422, message: `your unit's part: ${r.message}`, allowed: r.allowed });
    }
    return this.tasks.updateAssignment(a.id, { ...patch, status: to });
  }

  private async statusChanged(user: AuthUser, before: TaskEntity, after: TaskEntity, action: string, extra: Record<string, unknown> = {}) {
    const j = this.journal;
    await j.audit(actorOf(user), action, { type: 'task', id: after.id, taskId: after.id }, snapshot(before), { ...snapshot(after), ...extra });
    if (before.status !== after.status) {
      await j.event('task.status_changed', after.id, { from: before.status, to: after.status, reason: after.statusReason });
    }
  }

  transition(user: AuthUser, id: string, dto: TransitionDto) {
    return this.uow.run(async () => {
      const loaded = await this.gate.load(user, id);
      const { task, access } = loaded;
      const from = statusOf(task.status);
      const to = dto.to;
      if (REVIEW_TARGETS.includes(to)) {
        throw new UnprocessableEntityException(`use POST /tasks/${id}/${to === 'submitted' ? 'submit' : 'review'} to move an item to ${to}`);
      }
      const supervising = !UNIT_TARGETS.includes(to) || from === 'suspended';
      if (supervising) return this.supervisorMove(user, loaded, to, dto);
      requireAct(access, `move it to ${to}`);
      assertFresh(task, dto.version);
      const own = this.ownAssignment(user, loaded);
      const actorRole = unitRoleOf(user);
      const patch: Partial<TaskEntity> = {};
      let ownNext: AssignmentStatus;
      const now = new Date();
      if (to === 'acknowledged') {
        ownNext = 'acknowledged';
        // The item is signed for (签收) when its lead unit signs; other units sign for their part.
        if (access.isLead && from === 'assigned') {
          const r = transition(from, to, { actorRole, isLeadUnit: true });
          if (!r.ok) throw illegal(r.error);
          Object.assign(patch, { status: r.status, acknowledgedAt: now });
        } else if (own.status !== 'assigned') {
          throw new UnprocessableEntityException(`your unit already acknowledged this item (its part is ${own.status})`);
        }
      } else {
        const r = transition(from, to, { actorRole, isLeadUnit: access.isLead });
        if (!r.ok) throw illegal(r.error);
        if (own.status === 'assigned') throw new UnprocessableEntityException('acknowledge (签收) the item for your unit first');
        patch.status = r.status;
        ownNext = 'in_progress';
      }
      const after = await this.tasks.update(id, dto.version, { ...patch, version: () => 'version + 1' });
      const ownAfter = own.status === ownNext ? own : await this.moveAssignment(own, ownNext, to === 'acknowledged' ? { acknowledgedAt: now } : {});
      await this.statusChanged(user, task, after, to === 'acknowledged' ? 'task.acknowledged' : 'task.started', { unitId: own.unitId, unitStatus: ownAfter.status });
      if (ownAfter.status !== own.status) {
        await this.journal.event('task.assignment_changed', id, { unitId: own.unitId, status: ownAfter.status });
      }
      return { id, status: after.status, version: after.version, assignment: { unitId: own.unitId, status: ownAfter.status } };
    });
  }

  private async supervisorMove(user: AuthUser, loaded: LoadedTask, to: TaskStatus, dto: TransitionDto) {
    const { task, access } = loaded;
    requireSupervise(access, `move it to ${to}`);
    assertFresh(task, dto.version);
    const from = statusOf(task.status);
    const suspendedFrom = task.statusBeforeSuspend ? statusOf(task.statusBeforeSuspend) : null;
    const r = transition(from, to, { actorRole: supervisingRoleOf(user), reason: dto.reason, suspendedFrom });
    if (!r.ok) throw illegal(r.error);
    const patch: Partial<TaskEntity> = { status: r.status, statusReason: dto.reason ?? null };
    if (to === 'suspended') patch.statusBeforeSuspend = from;
    if (from === 'suspended') patch.statusBeforeSuspend = null;
    const after = await this.tasks.update(task.id, dto.version, patch);
    const action = to === 'suspended' ? 'task.suspended' : to === 'cancelled' ? 'task.cancelled' : 'task.resumed';
    await this.statusChanged(user, task, after, action, { reason: dto.reason ?? null });
    return { id: task.id, status: after.status, version: after.version };
  }

  progress(user: AuthUser, id: string, dto: ProgressDto) {
    return this.uow.run(async () => {
      const loaded = await this.gate.load(user, id);
      const { task, access } = loaded;
      requireAct(access, 'report progress');
      const own = this.ownAssignment(user, loaded);
      const from = statusOf(task.status);
      if (from === 'assigned' || own.status === 'assigned') throw new UnprocessableEntityException('acknowledge (签收) the item for your unit before reporting progress');
      if (!['acknowledged', 'in_progress', 'returned'].includes(from)) {
        throw new UnprocessableEntityException(`progress cannot be reported while the item is ${from}`);
      }
      if (dto.stepId && !(await this.tasks.findStep(id, dto.stepId))) throw new BadRequestException([`stepId is not a step of task ${id}`]);
      const now = new Date();
      const report = await this.tasks.insertProgress({
        taskId: id,
        unitId: own.unitId,
        authorId: user.id,
        percent: dto.percent,
        note: dto.note,
        evidence: dto.evidence,
        indicatorValues: dto.indicatorValues.map((v) => ({ name: v.name, value: v.value })),
      });
      const files = await attachEvidence(this.files, user.id, dto.fileIds, { attachedTo: 'progress', taskId: id, progressReportId: report.id });
      // A responsible unit at 100% has done its part; the lead's part ends when it submits the item.
      const ownNext: AssignmentStatus = own.role !== 'lead' && dto.percent === 100 ? 'submitted' : 'in_progress';
      const ownAfter = await this.moveAssignment(own, ownNext, { progress: dto.percent, lastProgressAt: now });
      const patch: Partial<TaskEntity> = {};
      if (access.isLead) Object.assign(patch, { progress: dto.percent, lastProgressAt: now });
      if (from === 'acknowledged' || (from === 'returned' && access.isLead)) {
        const r = transition(from, 'in_progress', { actorRole: unitRoleOf(user), isLeadUnit: access.isLead });
        if (!r.ok) throw illegal(r.error);
        patch.status = r.status;
      }
      let after = task;
      if (Object.keys(patch).length) after = await this.tasks.update(id, null, patch);
      await this.statusChanged(user, task, after, 'task.progress_reported', {
        reportId: report.id,
        unitId: own.unitId,
        percent: dto.percent,
        note: dto.note,
        evidence: dto.evidence,
        indicatorValues: report.indicatorValues,
        stepId: dto.stepId ?? null,
        files: files.map((f) => ({ id: f.id, name: f.name, sha256: f.sha256 })),
      });
      if (ownAfter.status !== own.status) await this.journal.event('task.assignment_changed', id, { unitId: own.unitId, status: ownAfter.status });
      return {
        report: { ...toProgress(report, files.map(toFileResponse)), stepId: dto.stepId ?? null },
        task: { id, status: after.status, progress: after.progress, version: after.version },
        assignment: { unitId: own.unitId, status: ownAfter.status, progress: ownAfter.progress },
      };
    });
  }

  submit(user: AuthUser, id: string, dto: SubmitDto) {
    return this.uow.run(async () => {
      const loaded = await this.gate.load(user, id);
      const { task, access } = loaded;
      requireAct(access, 'submit it');
      if (!access.isLead) throw new ForbiddenException('only the lead unit (牵头单位) submits the item for review');
      assertFresh(task, dto.version);
      const r = transition(statusOf(task.status), 'submitted', { actorRole: unitRoleOf(user), isLeadUnit: true });
      if (!r.ok) throw illegal(r.error);
      const after = await this.tasks.update(id, dto.version, { status: r.status, submittedAt: new Date(), statusReason: null });
      const own = this.ownAssignment(user, loaded);
      await this.moveAssignment(own, 'submitted');
      const files = await attachEvidence(this.files, user.id, dto.fileIds, { attachedTo: 'submission', taskId: id });
      await this.statusChanged(user, task, after, 'task.submitted', {
        note: dto.note ?? null,
        files: files.map((f) => ({ id: f.id, name: f.name, sha256: f.sha256 })),
      });
      return { id, status: after.status, version: after.version, submittedAt: after.submittedAt?.toISOString() ?? null, files: files.map(toFileResponse) };
    });
  }

  review(user: AuthUser, id: string, dto: ReviewDto) {
    return this.uow.run(async () => {
      const loaded = await this.gate.load(user, id);
      const { task, access } = loaded;
      requireSupervise(access, 'review it');
      assertFresh(task, dto.version);
      const to: TaskStatus = dto.decision === 'approve' ? 'completed' : 'returned';
      const openSteps = await this.tasks.countOpenSteps(id);
      const r = transition(statusOf(task.status), to, {
        actorRole: supervisingRoleOf(user),
        reason: dto.reason,
        openSteps,
        override: dto.overrideOpenSteps === true,
      });
      if (!r.ok) throw illegal(r.error);
      const now = new Date();
      const patch: Partial<TaskEntity> =
        to === 'completed'
          ? { status: r.status, completedAt: now, progress: 100, statusReason: dto.reason ?? null }
          : { status: r.status, submittedAt: null, statusReason: dto.reason ?? null };
      const after = await this.tasks.update(id, dto.version, patch);
      const override = to === 'completed' && openSteps > 0;
      const review = await this.activity.insertReview({
        taskId: id,
        reviewerId: user.id,
        decision: dto.decision,
        reason: dto.reason ?? null,
        overrideOpenSteps: override,
      });
      if (to === 'returned') {
        // The lead reworks its consolidated report: its part reopens.
        for (const a of loaded.assignments.filter((x) => x.role === 'lead' && x.status === 'submitted')) {
          await this.moveAssignment(a, 'in_progress');
        }
      }
      await this.statusChanged(user, task, after, to === 'completed' ? 'task.approved' : 'task.returned', {
        reviewId: review.id,
        decision: dto.decision,
        reason: dto.reason ?? null,
        overrideOpenSteps: override,
        openSteps,
      });
      return { id, status: after.status, version: after.version, review: { id: review.id, decision: review.decision, reason: review.reason, overrideOpenSteps: override } };
    });
  }

  completeStep(user: AuthUser, id: string, stepId: string, dto: StepCompleteDto) {
    return this.uow.run(async () => {
      const { task, access } = await this.gate.load(user, id);
      if (!access.canAct && !access.canSupervise) requireAct(access, 'complete its steps');
      const step = await this.tasks.findStep(id, stepId);
      if (!step) throw new NotFoundException(`step ${stepId} of task ${id} not found`);
      if (['completed', 'cancelled'].includes(task.status)) throw new UnprocessableEntityException(`the item is ${task.status}`);
      if (step.status !== 'open') throw new UnprocessableEntityException(`step ${step.code} is already ${step.status}`);
      const after = await this.tasks.updateStep(stepId, dto.version ?? null, { status: 'completed', completedAt: new Date() });
      const j = this.journal;
      await j.audit(actorOf(user), 'step.completed', { type: 'step', id: stepId, taskId: id }, { status: step.status, version: step.version }, {
        status: after.status,
        version: after.version,
        note: dto.note ?? null,
      });
      // Step reminders depend on the step's status: the reminder engine recomputes on this event.
      await j.event('task.status_changed', id, { from: task.status, to: task.status, stepId, stepStatus: 'completed' });
      return toStep(after);
    });
  }

  patch(user: AuthUser, id: string, dto: PatchTaskDto) {
    return this.uow.run(async () => {
      const { task, access } = await this.gate.load(user, id);
      requireSupervise(access, 'change it');
      const patch: Partial<TaskEntity> = {};
      if (dto.dueAt !== undefined) patch.dueAt = parseDeadline(dto.dueAt, this.env.DUE_TIME);
      const after = await this.tasks.update(id, dto.version, { ...patch, version: () => 'version + 1' });
      const j = this.journal;
      await j.audit(actorOf(user), 'task.updated', { type: 'task', id, taskId: id }, snapshot(task), snapshot(after));
      if (patch.dueAt && patch.dueAt.getTime() !== task.dueAt.getTime()) {
        await j.event('task.deadline_changed', id, { from: task.dueAt.toISOString(), to: after.dueAt.toISOString(), reason: 'set by a supervisor' });
      }
      return { id, dueAt: after.dueAt.toISOString(), originalDueAt: after.originalDueAt.toISOString(), version: after.version };
    });
  }

  bulkAssign(user: AuthUser, dto: BulkAssignDto) {
    return this.uow.run(async () => {
      if ((dto.versions === undefined) === (dto.ignoreVersions !== true)) {
        throw new BadRequestException(['send either versions (task id → version) or ignoreVersions: true']);
      }
      const versions = dto.versions ?? {};
      if (dto.versions) {
        const bad = Object.entries(versions).filter(([k, v]) => !dto.taskIds.includes(k) || !Number.isInteger(v) || v < 1).map(([k]) => k);
        const missing = dto.taskIds.filter((tid) => !(tid in versions));
        if (bad.length || missing.length) {
          throw new BadRequestException([
            ...bad.map((k) => `versions.${k} must be a positive integer for one of taskIds`),
            ...missing.map((k) => `versions.${k} is missing`),
          ]);
        }
      }
      const unit = await this.units.findById(dto.unitId);
      if (!unit) throw new BadRequestException([`unitId ${dto.unitId} is not a unit`]);
      const loaded: LoadedTask[] = [];
      for (const tid of dto.taskIds) {
        const l = await this.gate.load(user, tid);
        requireSupervise(l.access, `assign units to task ${tid}`);
        loaded.push(l);
      }
      const j = this.journal;
      // Without notice, what the new schedule would send at once (its past reminders) is never due for the unit.
      const notify = dto.notify !== false;
      const quietBefore = notify ? null : new Date();
      const results: { taskId: string; version: number; change: 'added' | 'role_changed' | 'unchanged' }[] = [];
      for (const { task, assignments } of loaded) {
        const existing = assignments.find((a) => a.unitId === dto.unitId);
        const change = !existing ? 'added' : existing.role === dto.role ? 'unchanged' : 'role_changed';
        const after = await this.tasks.update(task.id, dto.ignoreVersions ? null : versions[task.id], { version: () => 'version + 1' });
        if (!existing) await this.tasks.insertAssignment({ taskId: task.id, unitId: dto.unitId, role: dto.role, quietBefore });
        else if (existing.role !== dto.role) await this.tasks.updateAssignment(existing.id, { role: dto.role, quietBefore });
        if (change !== 'unchanged') {
          await j.audit(actorOf(user), 'task.assignment_changed', { type: 'task', id: task.id, taskId: task.id },
            { unitId: dto.unitId, role: existing?.role ?? null },
            { unitId: dto.unitId, unitName: unit.name, role: dto.role, ...(notify ? {} : { notify: false }) });
          await j.event('task.assignment_changed', task.id, { unitId: dto.unitId, from: existing?.role ?? null, to: dto.role });
        }
        results.push({ taskId: task.id, version: after.version, change });
      }
      return { unitId: dto.unitId, role: dto.role, tasks: results };
    });
  }
}
