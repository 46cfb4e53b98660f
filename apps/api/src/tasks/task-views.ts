import { AppraisalLateness, TrafficLight } from '@app/domain';
import type {
  AssignmentView,
  AuditEventEntity,
  CommentView,
  ExtensionRequestEntity,
  ProgressReportEntity,
  StepEntity,
  TaskListRow,
} from '@app/persistence';

/** What the API answers; ORM entities never go out as they are. */
export interface TaskSummaryDto {
  id: string;
  planId: string;
  planTitle: string;
  code: string;
  title: string;
  status: string;
  progress: number;
  dueAt: string;
  originalDueAt: string;
  light: string;
  overdue: boolean;
  leadUnits: string[];
  updatedAt: string;
  version: number;
}

export interface StepDto {
  id: string;
  code: string;
  position: number;
  text: string;
  deadlineText: string | null;
  dueAt: string;
  status: string;
  completedAt: string | null;
  version: number;
}

export interface AssignmentDto {
  id: string;
  unitId: string;
  unitName: string;
  role: string;
  status: string;
  progress: number;
  light: TrafficLight;
  acknowledgedAt: string | null;
  lastProgressAt: string | null;
  version: number;
}

export interface ProgressReportDto {
  id: string;
  taskId: string;
  unitId: string | null;
  authorId: string | null;
  percent: number;
  note: string;
  evidence: string[];
  indicatorValues: { name: string; value: number }[];
  createdAt: string;
}

export interface TaskDetailDto {
  id: string;
  planId: string;
  planTitle: string;
  code: string;
  group: string | null;
  section: string | null;
  title: string;
  content: string;
  goal: string | null;
  deadlineText: string | null;
  recurrence: string | null;
  indicators: unknown[];
  status: string;
  statusReason: string | null;
  progress: number;
  originalDueAt: string;
  dueAt: string;
  extensionApprovedAt: string | null;
  acknowledgedAt: string | null;
  submittedAt: string | null;
  completedAt: string | null;
  lastProgressAt: string | null;
  light: TrafficLight;
  overdue: boolean;
  appraisal: { late: boolean; daysLate: number; basis: AppraisalLateness['basis']; countedDueAt: string };
  steps: StepDto[];
  assignments: AssignmentDto[];
  latestProgress: ProgressReportDto | null;
  permissions: { canAct: boolean; canComment: boolean; canSupervise: boolean; unitRole: string | null };
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ExtensionDto {
  id: string;
  taskId: string;
  unitId: string | null;
  requestedBy: string | null;
  requestedDueAt: string;
  reason: string;
  status: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  createdAt: string;
  version: number;
}

export interface HistoryEventDto {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const isoReq = (d: Date): string => d.toISOString();

export const toSummary = (r: TaskListRow): TaskSummaryDto => ({
  id: r.id,
  planId: r.planId,
  planTitle: r.planTitle,
  code: r.code,
  title: r.title,
  status: r.status,
  progress: r.progress,
  dueAt: isoReq(r.dueAt),
  originalDueAt: isoReq(r.originalDueAt),
  light: r.light,
  overdue: r.overdue,
  leadUnits: r.leadUnits,
  updatedAt: isoReq(r.updatedAt),
  version: r.version,
});

export const toStep = (s: StepEntity): StepDto => ({
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

export const toAssignment = (a: AssignmentView, light: TrafficLight): AssignmentDto => ({
  id: a.id,
  unitId: a.unitId,
  unitName: a.unitName,
  role: a.role,
  status: a.status,
  progress: a.progress,
  light,
  acknowledgedAt: iso(a.acknowledgedAt),
  lastProgressAt: iso(a.lastProgressAt),
  version: a.version,
});

export const toProgress = (p: ProgressReportEntity): ProgressReportDto => ({
  id: p.id,
  taskId: p.taskId,
  unitId: p.unitId,
  authorId: p.authorId,
  percent: p.percent,
  note: p.note,
  evidence: p.evidence,
  indicatorValues: p.indicatorValues,
  createdAt: isoReq(p.createdAt),
});

export const toExtension = (e: ExtensionRequestEntity): ExtensionDto => ({
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

export const toHistoryEvent = (e: AuditEventEntity): HistoryEventDto => ({
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

export const toComment = (c: CommentView) => ({
  id: c.id,
  taskId: c.taskId,
  authorId: c.authorId,
  authorName: c.authorName,
  body: c.body,
  createdAt: isoReq(c.createdAt),
});
