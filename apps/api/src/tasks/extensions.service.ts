import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { Env } from '@app/config';
import { Journal, TaskActivityRepository, TaskEntity, TaskRepository, UnitOfWork } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { ExtensionDecisionDto, ExtensionRequestDto } from './dto/task-commands.dto';
import { actorOf, requireAct, requireSupervise, TaskGate } from './task-gate';
import { parseDeadline } from './task-workflow.service';
import { ExtensionResponse } from './dto/task.response';
import { toExtension } from './task-views';

const CLOSED = ['completed', 'cancelled', 'suspended'];

/** 延期申请: a unit asks for a later deadline; a supervisor approves (the deadline moves) or rejects. */
@Injectable()
export class ExtensionsService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly activity: TaskActivityRepository,
    private readonly journal: Journal,
    private readonly gate: TaskGate,
    private readonly uow: UnitOfWork,
    private readonly env: Env,
  ) {}

  request(user: AuthUser, taskId: string, dto: ExtensionRequestDto): Promise<ExtensionResponse> {
    return this.uow.run(async () => {
      const { task, access, assignments } = await this.gate.load(user, taskId);
      requireAct(access, 'ask for an extension');
      if (CLOSED.includes(task.status)) throw new UnprocessableEntityException(`no extension can be asked for while the item is ${task.status}`);
      const requestedDueAt = parseDeadline(dto.requestedDueAt, this.env.DUE_TIME);
      if (requestedDueAt.getTime() <= task.dueAt.getTime()) {
        throw new UnprocessableEntityException(`requestedDueAt must be later than the current deadline ${task.dueAt.toISOString()}`);
      }
      if (await this.activity.pendingExtension(taskId)) throw new ConflictException('an extension request for this item is already waiting for a decision');
      const unitId = assignments.find((a) => a.unitId === user.unitId)?.unitId ?? null;
      const e = await this.activity.insertExtension({ taskId, unitId, requestedBy: user.id, requestedDueAt, reason: dto.reason });
      await this.journal.audit(actorOf(user), 'extension.requested', { type: 'extension_request', id: e.id, taskId }, null, {
        requestedDueAt: requestedDueAt.toISOString(),
        currentDueAt: task.dueAt.toISOString(),
        reason: dto.reason,
        unitId,
      });
      return toExtension(e);
    });
  }

  async list(user: AuthUser, taskId: string): Promise<ExtensionResponse[]> {
    await this.gate.load(user, taskId);
    return (await this.activity.extensions(taskId)).map(toExtension);
  }

  decide(user: AuthUser, id: string, dto: ExtensionDecisionDto) {
    return this.uow.run(async () => {
      const e = await this.activity.findExtension(id);
      if (!e) throw new NotFoundException(`extension request ${id} not found`);
      // The request is as visible as its item.
      const { task, access } = await this.gate.load(user, e.taskId).catch((err: unknown) => {
        throw err instanceof NotFoundException ? new NotFoundException(`extension request ${id} not found`) : err;
      });
      requireSupervise(access, 'decide extension requests');
      if (dto.decision === 'reject' && !dto.reason?.trim()) throw new BadRequestException(['reason is required to reject an extension request']);
      if (e.status !== 'pending') throw new ConflictException(`extension request ${id} was already ${e.status}`);
      const now = new Date();
      const decided = await this.activity.updateExtension(id, dto.version, {
        status: dto.decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: user.id,
        decidedAt: now,
        decisionReason: dto.reason ?? null,
      });
      const j = this.journal;
      await j.audit(actorOf(user), dto.decision === 'approve' ? 'extension.approved' : 'extension.rejected', { type: 'extension_request', id, taskId: task.id },
        { status: e.status, version: e.version }, { status: decided.status, reason: dto.reason ?? null, version: decided.version });
      let taskAfter: TaskEntity = task;
      if (dto.decision === 'approve') {
        // The current deadline moves; the original stays for appraisal (考核).
        taskAfter = await this.tasks.update(task.id, null, { dueAt: e.requestedDueAt, extensionApprovedAt: now });
        await j.audit(actorOf(user), 'task.deadline_changed', { type: 'task', id: task.id, taskId: task.id },
          { dueAt: task.dueAt.toISOString(), originalDueAt: task.originalDueAt.toISOString() },
          { dueAt: taskAfter.dueAt.toISOString(), originalDueAt: taskAfter.originalDueAt.toISOString(), extensionRequestId: id });
        await j.event('task.deadline_changed', task.id, {
          from: task.dueAt.toISOString(),
          to: taskAfter.dueAt.toISOString(),
          reason: 'extension approved',
          extensionRequestId: id,
        });
      }
      return {
        extension: toExtension(decided),
        task: { id: task.id, dueAt: taskAfter.dueAt.toISOString(), originalDueAt: taskAfter.originalDueAt.toISOString(), version: taskAfter.version },
      };
    });
  }
}
