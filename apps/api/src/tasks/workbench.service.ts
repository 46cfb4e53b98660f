import { Injectable } from '@nestjs/common';
import { daysOverdue, isOverdue, ownItems, shanghaiDate, workdaysBetween } from '@app/domain';
import { WorkbenchRepository, WorkbenchTab } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { Page, page, PageQuery } from '../common/pagination';
import { CALENDAR, lightParams, statusOf } from './light-policy';
import { TaskGate } from './task-gate';

export interface Countdown {
  overdue: boolean;
  /** Calendar days past the deadline's date (Shanghai); 0 when not overdue or overdue since today. */
  daysOverdue: number;
  /** Working days from today to the deadline's date (0: due today); negative once it passed. */
  workdaysLeft: number;
}

/** The words next to every light ("超期 3 天", "剩 2 个工作日") are computed here, on the working-day calendar. */
export function countdown(t: { dueAt: Date; status: string; submittedAt: Date | null }, now: Date): Countdown {
  const input = { dueAt: t.dueAt, now, status: statusOf(t.status), submittedAt: t.submittedAt, calendar: CALENDAR };
  const overdue = isOverdue(input);
  return {
    overdue,
    daysOverdue: overdue ? daysOverdue(input).calendarDays : 0,
    workdaysLeft: workdaysBetween(CALENDAR, shanghaiDate(now), shanghaiDate(t.dueAt)),
  };
}

/** A unit member's 工作台: the unit's items by tab, with the unit's own part of each. */
@Injectable()
export class WorkbenchService {
  constructor(
    private readonly workbench: WorkbenchRepository,
    private readonly gate: TaskGate,
  ) {}

  /** The unit whose items the caller works on (staff and unit heads); others have no 工作台 of this kind. */
  private unitOf(user: AuthUser): string | null {
    return ownItems(user).unitId;
  }

  async counts(user: AuthUser, now = new Date()) {
    const unitId = this.unitOf(user);
    if (!unitId) return { to_acknowledge: 0, in_progress: 0, returned: 0, due_soon: 0, overdue: 0, mine: 0, all: 0 };
    return this.workbench.counts(unitId, user.id, lightParams(now));
  }

  async list(user: AuthUser, tab: WorkbenchTab, q: PageQuery, now = new Date()): Promise<Page<unknown>> {
    const unitId = this.unitOf(user);
    if (!unitId) return page([], 0, q);
    const { rows, total } = await this.workbench.list(unitId, user.id, tab, (q.page - 1) * q.limit, q.limit, lightParams(now));
    return page(
      rows.map((r) => ({
        id: r.id,
        planId: r.planId,
        planTitle: r.planTitle,
        code: r.code,
        title: r.title,
        status: r.status,
        progress: r.progress,
        dueAt: r.dueAt.toISOString(),
        light: r.light,
        leadUnits: r.leadUnits,
        version: r.version,
        role: r.role,
        partStatus: r.partStatus,
        partProgress: r.partProgress,
        reporter: r.reporterId ? { id: r.reporterId, name: r.reporterName ?? '' } : null,
        assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
        assignedToMe: r.assigneeId === user.id,
        extensionPending: r.extensionPending,
        ...countdown(r, now),
      })),
      total,
      q,
    );
  }

  async deadline(user: AuthUser, id: string, now = new Date()) {
    const { task } = await this.gate.load(user, id);
    return { id, dueAt: task.dueAt.toISOString(), originalDueAt: task.originalDueAt.toISOString(), ...countdown(task, now) };
  }
}
