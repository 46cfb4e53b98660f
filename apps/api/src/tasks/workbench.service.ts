import { Injectable } from '@nestjs/common';
import { ownItems } from '@app/domain';
import { WorkbenchRepository, WorkbenchTab } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { Page, page, PageQuery } from '../common/pagination';
import { LightPolicy } from './light-policy';
import { TaskGate } from './task-gate';
import { toTaskHead } from './task-views';

/** A unit member's 工作台: the unit's items by tab, with the unit's own part of each. */
@Injectable()
export class WorkbenchService {
  constructor(
    private readonly workbench: WorkbenchRepository,
    private readonly gate: TaskGate,
    private readonly lights: LightPolicy,
  ) {}

  /** The unit whose items the caller works on (staff and unit heads); others have no 工作台 of this kind. */
  private unitOf(user: AuthUser): string | null {
    return ownItems(user).unitId;
  }

  async counts(user: AuthUser, now = new Date()) {
    const unitId = this.unitOf(user);
    if (!unitId) return { to_acknowledge: 0, in_progress: 0, returned: 0, due_soon: 0, overdue: 0, mine: 0, all: 0 };
    return this.workbench.counts(unitId, user.id, (await this.lights.at(now)).params);
  }

  async list(user: AuthUser, tab: WorkbenchTab, q: PageQuery, now = new Date()): Promise<Page<unknown>> {
    const unitId = this.unitOf(user);
    if (!unitId) return page([], 0, q);
    const lights = await this.lights.at(now);
    const { rows, total } = await this.workbench.list(unitId, user.id, tab, (q.page - 1) * q.limit, q.limit, lights.params);
    return page(
      rows.map((r) => ({
        ...toTaskHead(r),
        light: r.light,
        version: r.version,
        role: r.role,
        partStatus: r.partStatus,
        partProgress: r.partProgress,
        reporter: r.reporterId ? { id: r.reporterId, name: r.reporterName ?? '' } : null,
        assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
        assignedToMe: r.assigneeId === user.id,
        extensionPending: r.extensionPending,
        ...lights.countdown(r),
      })),
      total,
      q,
    );
  }

  async deadline(user: AuthUser, id: string, now = new Date()) {
    const { task } = await this.gate.load(user, id);
    const lights = await this.lights.at(now);
    return { id, dueAt: task.dueAt.toISOString(), originalDueAt: task.originalDueAt.toISOString(), ...lights.countdown(task) };
  }
}
