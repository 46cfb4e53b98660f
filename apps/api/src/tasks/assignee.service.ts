import { ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { mayAssign, UNIT_ROLES } from '@app/domain';
import { HandItemRepository, Journal, UnitAdminRepository, UnitOfWork, UserAdminRepository, UserEntity } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { AssigneeDto } from './assignee.dto';
import { AssigneeResultResponse, UnitMemberResponse } from './assignee.response';
import { actorOf, TaskGate } from './task-gate';

const nameOf = (u: Pick<UserEntity, 'displayName' | 'username'>) => u.displayName || u.username;
const isMember = (u: UserEntity, unitId: string) => u.active && u.unitId === unitId && u.roles.some((r) => UNIT_ROLES.includes(r));

/** 分办: a unit names the 承办人 of its part of an item; reminders of the part then go to that person first. */
@Injectable()
export class AssigneeService {
  constructor(
    private readonly gate: TaskGate,
    private readonly hand: HandItemRepository,
    private readonly units: UnitAdminRepository,
    private readonly users: UserAdminRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
  ) {}

  assign(user: AuthUser, taskId: string, dto: AssigneeDto): Promise<AssigneeResultResponse> {
    return this.uow.run(async () => {
      const { task, assignments } = await this.gate.load(user, taskId);
      const unitId = dto.unitId ?? user.unitId;
      const part = unitId ? assignments.find((a) => a.unitId === unitId) : undefined;
      const unit = unitId ? await this.units.findById(unitId) : null;
      if (!part || !unit || !mayAssign(user, unit)) {
        throw new ForbiddenException('only a head of the unit (or its staff, where the unit allows it) may name the 承办人 of its part');
      }
      if (part.role === 'assisting') throw new UnprocessableEntityException('配合单位没有需分办的承办任务');
      if (['completed', 'cancelled'].includes(task.status)) throw new UnprocessableEntityException(`事项已${task.status === 'completed' ? '办结' : '撤销'}，不能再分办`);
      let assignee: UserEntity | null = null;
      if (dto.userId) {
        assignee = await this.users.findById(dto.userId);
        if (!assignee || !isMember(assignee, unit.id)) throw new UnprocessableEntityException([`userId: 承办人须是${unit.name}的在岗人员`]);
      }
      const after = await this.hand.setAssignee(part.id, dto.version, assignee?.id ?? null);
      await this.journal.audit(actorOf(user), 'task.assignee_changed', { type: 'assignment', id: part.id, taskId }, { unitId: unit.id, assigneeId: part.assigneeId }, {
        unitId: unit.id,
        assigneeId: assignee?.id ?? null,
        assigneeName: assignee ? nameOf(assignee) : null,
      });
      // Who a reminder reaches is read when it is sent; the event records the change with the others.
      await this.journal.event('task.assignee_changed', taskId, { unitId: unit.id, assigneeId: assignee?.id ?? null });
      return { taskId, unitId: unit.id, assignee: assignee ? { id: assignee.id, name: nameOf(assignee) } : null, version: after.version };
    });
  }

  /** The people of the caller's unit who can be named 承办人. */
  async members(user: AuthUser): Promise<UnitMemberResponse[]> {
    if (!user.unitId) throw new NotFoundException('you belong to no unit');
    const { rows } = await this.users.list({ unitId: user.unitId, active: true, offset: 0, limit: 1000 });
    return rows
      .filter((u) => isMember(u, user.unitId!))
      .map((u) => ({ id: u.id, name: nameOf(u), username: u.username, roles: u.roles }));
  }
}
