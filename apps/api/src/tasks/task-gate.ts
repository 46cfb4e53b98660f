import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Actor, AssignmentEntity, TaskEntity, TaskRepository } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { taskAccess, TaskAccess } from '@app/domain';

export interface LoadedTask {
  task: TaskEntity;
  assignments: AssignmentEntity[];
  access: TaskAccess;
}

/** The door every item use case goes through: the item, its units, and what the caller may do. */
@Injectable()
export class TaskGate {
  constructor(private readonly tasks: TaskRepository) {}

  /** Loads an item for a caller: 404 when it does not exist or the caller may not see it. */
  async load(user: AuthUser, id: string): Promise<LoadedTask> {
    const task = await this.tasks.findById(id);
    if (!task) throw new NotFoundException(`task ${id} not found`);
    const assignments = await this.tasks.assignments(id);
    const access = taskAccess(user, assignments, await this.tasks.supervisorIds(task.planId));
    // Invisible items answer exactly like missing ones, so their existence does not leak.
    if (!access.canRead) throw new NotFoundException(`task ${id} not found`);
    return { task, assignments, access };
  }
}

export function requireAct(access: TaskAccess, what: string): void {
  if (!access.canAct) throw new ForbiddenException(`only staff of a lead or responsible unit of this item may ${what}`);
}

export function requireSupervise(access: TaskAccess, what: string): void {
  if (!access.canSupervise) throw new ForbiddenException(`only a supervisor of this item's plan may ${what}`);
}

export function requireComment(access: TaskAccess): void {
  if (!access.canComment) throw new ForbiddenException('you may read this item but not comment on it');
}

export const actorOf = (u: AuthUser): Actor => ({ id: u.id, name: u.displayName || u.username });

/** The role the domain state machine judges a unit move by. */
export const unitRoleOf = (u: AuthUser) => (u.roles.includes('unit_head') ? 'unit_head' : 'staff') as 'unit_head' | 'staff';
/** The role the domain state machine judges a supervising move by. */
export const supervisingRoleOf = (u: AuthUser) => (u.roles.includes('admin') ? 'admin' : 'supervisor') as 'admin' | 'supervisor';
