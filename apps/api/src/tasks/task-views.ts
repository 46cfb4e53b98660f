import { TrafficLight } from '@app/domain';
import type {
  AssignmentView,
  AuditEventEntity,
  CommentView,
  ExtensionRequestEntity,
  ProgressReportEntity,
  StepEntity,
  TaskHead,
  TaskListRow,
} from '@app/persistence';
import {
  AssignmentResponse,
  CommentResponse,
  ExtensionResponse,
  HistoryEventResponse,
  ProgressReportResponse,
  StepResponse,
  TaskSummaryResponse,
} from './dto/task.response';
import type { FileResponse } from '../files/files.response';

/** Mappers from rows to what the API answers (dto/task.response.ts); ORM entities never go out as they are. */
export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const isoReq = (d: Date): string => d.toISOString();

/** The fields every list of items answers (the task list, the 工作台), from the shared row head. */
export const toTaskHead = (r: TaskHead) => ({
  id: r.id,
  planId: r.planId,
  planTitle: r.planTitle,
  code: r.code,
  title: r.title,
  status: r.status,
  progress: r.progress,
  dueAt: isoReq(r.dueAt),
  leadUnits: r.leadUnits,
});

export const toSummary = (r: TaskListRow): TaskSummaryResponse => ({
  ...toTaskHead(r),
  originalDueAt: isoReq(r.originalDueAt),
  light: r.light,
  overdue: r.overdue,
  updatedAt: isoReq(r.updatedAt),
  version: r.version,
});

export const toStep = (s: StepEntity): StepResponse => ({
  id: s.id,
  code: s.code,
  position: s.position,
  text: s.text,
  deadlineText: s.deadlineText,
  dueAt: isoReq(s.dueAt),
  status: s.status,
  completedAt: iso(s.completedAt),
  version: s.version,
});

export const toAssignment = (a: AssignmentView, light: TrafficLight): AssignmentResponse => ({
  id: a.id,
  unitId: a.unitId,
  unitName: a.unitName,
  role: a.role,
  status: a.status,
  progress: a.progress,
  light,
  acknowledgedAt: iso(a.acknowledgedAt),
  lastProgressAt: iso(a.lastProgressAt),
  assignee: a.assignee,
  version: a.version,
});

export const toProgress = (p: ProgressReportEntity, files: FileResponse[] = []): ProgressReportResponse => ({
  id: p.id,
  taskId: p.taskId,
  unitId: p.unitId,
  authorId: p.authorId,
  percent: p.percent,
  note: p.note,
  evidence: p.evidence,
  indicatorValues: p.indicatorValues,
  files,
  createdAt: isoReq(p.createdAt),
});

export const toExtension = (e: ExtensionRequestEntity): ExtensionResponse => ({
  id: e.id,
  taskId: e.taskId,
  unitId: e.unitId,
  requestedBy: e.requestedBy,
  requestedDueAt: isoReq(e.requestedDueAt),
  reason: e.reason,
  status: e.status,
  decidedBy: e.decidedBy,
  decidedAt: iso(e.decidedAt),
  decisionReason: e.decisionReason,
  createdAt: isoReq(e.createdAt),
  version: e.version,
});

export const toHistoryEvent = (e: AuditEventEntity): HistoryEventResponse => ({
  id: String(e.id),
  at: isoReq(e.createdAt),
  actorId: e.actorId,
  actorName: e.actorName,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  before: e.before,
  after: e.after,
});

export const toComment = (c: CommentView, files: FileResponse[] = []): CommentResponse => ({
  id: c.id,
  taskId: c.taskId,
  authorId: c.authorId,
  authorName: c.authorName,
  body: c.body,
  files,
  createdAt: isoReq(c.createdAt),
});
