import { Injectable } from '@nestjs/common';
import { appraisalLateness, asAssignmentStatus, leadOverview, mayAssign, TrafficLight } from '@app/domain';
import { FileRepository, Journal, PlanRepository, TaskActivityRepository, TaskRepository, UnitAdminRepository, UnitOfWork } from '@app/persistence';
import { attachEvidence } from '../files/attach-evidence';
import { filesBy, toFileResponse } from '../files/file-views';
import { AuthUser } from '../common/current-user';
import { Page, page, PageQuery } from '../common/pagination';
import { TaskQuery } from './dto/task-query.dto';
import { LightPolicy } from './light-policy';
import { taskListFilter } from './task-list-filter';
import { actorOf, requireComment, TaskGate } from './task-gate';
import { HistoryEventResponse, TaskDetailResponse, TaskSummaryResponse } from './dto/task.response';
import {
  iso,
  toAssignment,
  toComment,
  toHistoryEvent,
  toProgress,
  toStep,
  toSummary,
} from './task-views';

/** Reading items: the filtered list, one item in full, its history and comments. */
@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly plans: PlanRepository,
    private readonly activity: TaskActivityRepository,
    private readonly journal: Journal,
    private readonly gate: TaskGate,
    private readonly uow: UnitOfWork,
    private readonly files: FileRepository,
    private readonly lights: LightPolicy,
    private readonly units: UnitAdminRepository,
  ) {}

  async list(user: AuthUser, q: TaskQuery, now = new Date()): Promise<Page<TaskSummaryResponse>> {
    const { rows, total } = await this.tasks.list(
      taskListFilter(user, q, { offset: (q.page - 1) * q.limit, limit: q.limit }),
      (await this.lights.at(now)).params,
    );
    return page(rows.map(toSummary), total, q);
  }

  async detail(user: AuthUser, id: string, now = new Date()): Promise<TaskDetailResponse> {
    // One snapshot for the item and everything shown with it.
    return this.uow.run(() => this.detailNow(user, id, now), { isolation: 'REPEATABLE READ' });
  }

  private async detailNow(user: AuthUser, id: string, now: Date): Promise<TaskDetailResponse> {
    const { task: t, access } = await this.gate.load(user, id);
    const tasks = this.tasks;
    // One connection inside the transaction: one query at a time.
    const steps = await tasks.steps(id);
    const assignments = await tasks.assignmentViews(id);
    const latest = await tasks.latestProgress(id);
    const latestFiles = latest ? await this.files.forProgressReports([latest.id]) : [];
    const plan = await this.plans.findById(t.planId);
    const ownUnit = access.unitRole === 'lead' || access.unitRole === 'responsible' ? await this.units.findById(user.unitId!) : null;
    const lights = await this.lights.at(now);
    const { light, overdue } = lights.task(t);
    const running = light !== 'none';
    const overview = leadOverview(
      assignments.map((a) => ({ unitId: a.unitId, role: a.role, status: asAssignmentStatus(a.status), progress: a.progress })),
      { ...lights.rule, dueAt: t.dueAt, startAt: t.createdAt },
    );
    const partLight = (i: number): TrafficLight => (running ? overview.parts[i].light : 'none');
    const appraisal = appraisalLateness({
      originalDueAt: t.originalDueAt,
      currentDueAt: t.dueAt,
      extensionApprovedAt: t.extensionApprovedAt,
      completedAt: t.completedAt,
      now,
    });
    return {
      id: t.id,
      planId: t.planId,
      planTitle: plan?.title ?? '',
      code: t.code,
      group: t.groupName,
      section: t.section,
      title: t.title,
      content: t.content,
      goal: t.goal,
      deadlineText: t.deadlineText,
      recurrence: t.recurrence,
      indicators: t.indicators,
      status: t.status,
      statusReason: t.statusReason,
      progress: t.progress,
      originalDueAt: t.originalDueAt.toISOString(),
      dueAt: t.dueAt.toISOString(),
      extensionApprovedAt: iso(t.extensionApprovedAt),
      acknowledgedAt: iso(t.acknowledgedAt),
      submittedAt: iso(t.submittedAt),
      completedAt: iso(t.completedAt),
      lastProgressAt: iso(t.lastProgressAt),
      light,
      overdue,
      appraisal: { late: appraisal.late, daysLate: appraisal.daysLate, basis: appraisal.basis, countedDueAt: appraisal.countedDueAt.toISOString() },
      steps: steps.map(toStep),
      assignments: assignments.map((a, i) => toAssignment(a, partLight(i))),
      latestProgress: latest ? toProgress(latest, latestFiles.map(toFileResponse)) : null,
      permissions: {
        canAct: access.canAct,
        canComment: access.canComment,
        canSupervise: access.canSupervise,
        unitRole: access.unitRole,
        canAssign: !!ownUnit && mayAssign(user, ownUnit),
      },
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      version: t.version,
    };
  }

  async history(user: AuthUser, id: string, q: PageQuery): Promise<Page<HistoryEventResponse>> {
    await this.gate.load(user, id);
    const { rows, total } = await this.activity.history(id, (q.page - 1) * q.limit, q.limit);
    return page(rows.map(toHistoryEvent), total, q);
  }

  async comments(user: AuthUser, id: string, q: PageQuery) {
    await this.gate.load(user, id);
    const { rows, total } = await this.activity.comments(id, (q.page - 1) * q.limit, q.limit);
    const files = filesBy(await this.files.forComments(rows.map((c) => c.id)), (f) => f.commentId);
    return page(rows.map((c) => toComment(c, files.get(c.id) ?? [])), total, q);
  }

  addComment(user: AuthUser, id: string, body: string, fileIds: string[] = []) {
    return this.uow.run(async () => {
      const { access } = await this.gate.load(user, id);
      requireComment(access);
      const c = await this.activity.insertComment({ taskId: id, authorId: user.id, body });
      const files = await attachEvidence(this.files, user.id, fileIds, { attachedTo: 'comment', taskId: id, commentId: c.id });
      await this.journal.audit(actorOf(user), 'task.commented', { type: 'comment', id: c.id, taskId: id }, null, {
        body,
        files: files.map((f) => ({ id: f.id, name: f.name, sha256: f.sha256 })),
      });
      return toComment({ ...c, authorName: user.displayName }, files.map(toFileResponse));
    });
  }
}
