import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES, TASK_STATUSES, TRAFFIC_LIGHTS, TrafficLight } from '@app/domain';
import { EXAMPLE } from '../../common/api-docs';
import { FileResponse } from '../../files/files.response';
import { WorkbenchPersonResponse } from '../workbench.response';

// What the tasks API answers: one class per shape, documented for OpenAPI and returned by the
// mappers of task-views.ts (so a field the mapper forgets, or adds, fails to compile).

const EXTENSION_STATUSES = ['pending', 'approved', 'rejected'] as const;

export class TaskSummaryResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) id: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.planId }) planId: string;
  @ApiProperty({ description: 'title of the plan (工作计划)', example: EXAMPLE.planTitle }) planTitle: string;
  @ApiProperty({ description: 'the item number in the document', example: '12' }) code: string;
  @ApiProperty({ description: 'the responsibility item (责任事项)', example: EXAMPLE.taskTitle }) title: string;
  @ApiProperty({ enum: TASK_STATUSES, example: 'in_progress' }) status: string;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'percent complete: the lead unit’s latest report', example: 60 }) progress: number;
  @ApiProperty({ format: 'date-time', description: 'the deadline in force (after approved extensions)', example: EXAMPLE.dueAt }) dueAt: string;
  @ApiProperty({ format: 'date-time', description: 'the deadline of the document, used for appraisal (考核)', example: EXAMPLE.dueAt }) originalDueAt: string;
  @ApiProperty({ enum: TRAFFIC_LIGHTS, description: 'derived traffic light (红黄绿灯); none once completed, suspended or cancelled', example: 'green' }) light: string;
  @ApiProperty({ description: 'derived: the deadline passed and the item is not done', example: false }) overdue: boolean;
  @ApiProperty({ type: [String], description: 'names of the lead units (牵头单位)', example: [EXAMPLE.unitName] }) leadUnits: string[];
  @ApiProperty({ format: 'date-time', example: EXAMPLE.updatedAt }) updatedAt: string;
  @ApiProperty({ description: 'send it back with changes (optimistic locking)', example: 3 }) version: number;
}

export class StepResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.stepId }) id: string;
  @ApiProperty({ example: '12.1' }) code: string;
  @ApiProperty({ description: 'order within the item, from 1', example: 1 }) position: number;
  @ApiProperty({ description: 'the step (具体工作内容)', example: '完成全市高新技术企业摸底调研，建立后备企业库' }) text: string;
  @ApiProperty({ type: String, nullable: true, description: 'the deadline as the document words it', example: '2027年6月底前' }) deadlineText: string | null;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.dueAt }) dueAt: string;
  @ApiProperty({ enum: ['open', 'completed'], example: 'open' }) status: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) completedAt: string | null;
  @ApiProperty({ example: 1 }) version: number;
}

export class AssignmentResponse {
  @ApiProperty({ format: 'uuid', example: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a' }) id: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId }) unitId: string;
  @ApiProperty({ example: EXAMPLE.unitName }) unitName: string;
  @ApiProperty({ enum: ASSIGNMENT_ROLES, description: 'lead (牵头), responsible (责任) or assisting (配合)', example: 'lead' }) role: string;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES, example: 'in_progress' }) status: string;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'this unit’s latest reported percent', example: 60 }) progress: number;
  @ApiProperty({ enum: TRAFFIC_LIGHTS, description: 'this unit’s own light', example: 'green' }) light: TrafficLight;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'signed for (签收)', example: '2025-03-13T01:20:00.000Z' }) acknowledgedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: EXAMPLE.updatedAt }) lastProgressAt: string | null;
  @ApiProperty({ type: WorkbenchPersonResponse, nullable: true, description: 'the 承办人 the unit named (分办); null: the whole unit' }) assignee: WorkbenchPersonResponse | null;
  @ApiProperty({ example: 4 }) version: number;
}

export class IndicatorValueResponse {
  @ApiProperty({ example: '高新技术企业数量' }) name: string;
  @ApiProperty({ example: 1200 }) value: number;
}

export class ProgressReportResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.reportId }) id: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) taskId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: EXAMPLE.unitId }) unitId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: EXAMPLE.userId }) authorId: string | null;
  @ApiProperty({ minimum: 0, maximum: 100, example: 60 }) percent: number;
  @ApiProperty({ example: '已完成调研，正在起草方案' }) note: string;
  @ApiProperty({ type: [String], description: 'links to supporting documents (佐证材料)', example: ['https://example.gov.cn/report.pdf'] }) evidence: string[];
  @ApiProperty({ type: [IndicatorValueResponse], description: 'values reported for the quantified targets (指标)' }) indicatorValues: IndicatorValueResponse[];
  @ApiProperty({ type: [FileResponse], description: 'evidence files (佐证材料) attached to the report' }) files: FileResponse[];
  @ApiProperty({ format: 'date-time', example: EXAMPLE.updatedAt }) createdAt: string;
}

export class TaskAppraisalResponse {
  @ApiProperty({ description: 'late against the deadline that counts for appraisal', example: false }) late: boolean;
  @ApiProperty({ example: 0 }) daysLate: number;
  @ApiProperty({ enum: ['original', 'extended'], description: 'extended: an extension approved in time moved the counted deadline', example: 'original' }) basis: 'original' | 'extended';
  @ApiProperty({ format: 'date-time', example: EXAMPLE.dueAt }) countedDueAt: string;
}

export class TaskPermissionsResponse {
  @ApiProperty({ description: 'may report progress, acknowledge, submit (lead/responsible unit staff)', example: true }) canAct: boolean;
  @ApiProperty({ example: true }) canComment: boolean;
  @ApiProperty({ description: 'supervisor (督办员) of the plan', example: false }) canSupervise: boolean;
  @ApiProperty({ type: String, enum: ASSIGNMENT_ROLES, nullable: true, description: 'the caller’s unit’s role on the item', example: 'lead' }) unitRole: string | null;
  @ApiProperty({ description: 'may name the 承办人 of the caller’s unit’s part (分办: PUT /tasks/:id/assignee)', example: false }) canAssign: boolean;
}

export class TaskIndicatorResponse {
  @ApiProperty({ example: '高新技术企业数量' }) name: string;
  @ApiProperty({ example: 1200 }) value: number;
  @ApiProperty({ example: '家' }) unit: string;
  @ApiProperty({ enum: ['>=', '=', '<='], example: '>=' }) comparator: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-06-30' }) deadline: string | null;
}

export class TaskDetailResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) id: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.planId }) planId: string;
  @ApiProperty({ example: EXAMPLE.planTitle }) planTitle: string;
  @ApiProperty({ example: '12' }) code: string;
  @ApiProperty({ type: String, nullable: true, description: 'heading group of the document', example: '三、加快培育创新主体' }) group: string | null;
  @ApiProperty({ type: String, nullable: true, example: '（二）壮大科技企业梯队' }) section: string | null;
  @ApiProperty({ example: EXAMPLE.taskTitle }) title: string;
  @ApiProperty({ example: '实施高新技术企业倍增计划，加大培育辅导力度，全年新增高新技术企业1200家以上。' }) content: string;
  @ApiProperty({ type: String, nullable: true, description: '工作目标', example: '高新技术企业总数突破1.6万家' }) goal: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2027年6月底前' }) deadlineText: string | null;
  @ApiProperty({ type: String, enum: ['monthly', 'quarterly', 'yearly'], nullable: true, example: null }) recurrence: string | null;
  @ApiProperty({ type: [TaskIndicatorResponse], description: 'quantified targets (量化指标) of the item' }) indicators: unknown[];
  @ApiProperty({ enum: TASK_STATUSES, example: 'in_progress' }) status: string;
  @ApiProperty({ type: String, nullable: true, description: 'why it was suspended, cancelled or returned', example: null }) statusReason: string | null;
  @ApiProperty({ minimum: 0, maximum: 100, example: 60 }) progress: number;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.dueAt }) originalDueAt: string;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.dueAt }) dueAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) extensionApprovedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2025-03-13T01:20:00.000Z' }) acknowledgedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) completedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: EXAMPLE.updatedAt }) lastProgressAt: string | null;
  @ApiProperty({ enum: TRAFFIC_LIGHTS, example: 'green' }) light: TrafficLight;
  @ApiProperty({ example: false }) overdue: boolean;
  @ApiProperty({ type: TaskAppraisalResponse }) appraisal: TaskAppraisalResponse;
  @ApiProperty({ type: [StepResponse] }) steps: StepResponse[];
  @ApiProperty({ type: [AssignmentResponse], description: 'each unit’s part, with its own light' }) assignments: AssignmentResponse[];
  @ApiProperty({ type: ProgressReportResponse, nullable: true, description: 'the lead unit’s latest report' }) latestProgress: ProgressReportResponse | null;
  @ApiProperty({ type: TaskPermissionsResponse, description: 'what the caller may do' }) permissions: TaskPermissionsResponse;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.createdAt }) createdAt: string;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.updatedAt }) updatedAt: string;
  @ApiProperty({ example: 3 }) version: number;
}

export class ExtensionResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.extensionId }) id: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) taskId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: EXAMPLE.unitId }) unitId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: EXAMPLE.userId }) requestedBy: string | null;
  @ApiProperty({ format: 'date-time', example: '2027-12-31T10:00:00.000Z' }) requestedDueAt: string;
  @ApiProperty({ example: '需等待省级配套政策出台' }) reason: string;
  @ApiProperty({ enum: EXTENSION_STATUSES, example: 'pending' }) status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null }) decidedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) decisionReason: string | null;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.updatedAt }) createdAt: string;
  @ApiProperty({ example: 1 }) version: number;
}

export class HistoryEventResponse {
  @ApiProperty({ description: 'audit event id (a number, as a string)', example: '1842' }) id: string;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.updatedAt }) at: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: EXAMPLE.userId }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'kjj_staff' }) actorName: string | null;
  @ApiProperty({ example: 'task.progress_reported' }) action: string;
  @ApiProperty({ example: 'task' }) entityType: string;
  @ApiProperty({ example: EXAMPLE.taskId }) entityId: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'the changed fields before', example: { progress: 30 } }) before: unknown;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'the changed fields after', example: { progress: 60 } }) after: unknown;
}

export class CommentResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.commentId }) id: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) taskId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: EXAMPLE.userId }) authorId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '张三' }) authorName: string | null;
  @ApiProperty({ example: '我单位已提供相关数据' }) body: string;
  @ApiProperty({ type: [FileResponse], description: 'files attached to the comment' }) files: FileResponse[];
  @ApiProperty({ format: 'date-time', example: EXAMPLE.updatedAt }) createdAt: string;
}

export class AssignmentStateResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId }) unitId: string;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES, example: 'acknowledged' }) status: string;
}

export class TransitionResultResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) id: string;
  @ApiProperty({ enum: TASK_STATUSES, example: 'acknowledged' }) status: string;
  @ApiProperty({ example: 2 }) version: number;
  @ApiPropertyOptional({ type: AssignmentStateResponse, description: 'the caller’s unit’s part (acknowledge/start); absent for supervisor moves' })
  assignment?: AssignmentStateResponse;
}

export class ProgressReportWithStepResponse extends ProgressReportResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null }) stepId: string | null;
}

export class ProgressTaskStateResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) id: string;
  @ApiProperty({ enum: TASK_STATUSES, example: 'in_progress' }) status: string;
  @ApiProperty({ example: 60 }) progress: number;
  @ApiProperty({ example: 4 }) version: number;
}

export class ProgressAssignmentStateResponse extends AssignmentStateResponse {
  @ApiProperty({ example: 60 }) progress: number;
}

export class ProgressResultResponse {
  @ApiProperty({ type: ProgressReportWithStepResponse }) report: ProgressReportWithStepResponse;
  @ApiProperty({ type: ProgressTaskStateResponse, description: 'the item after the report (the lead unit’s report sets its progress)' }) task: ProgressTaskStateResponse;
  @ApiProperty({ type: ProgressAssignmentStateResponse, description: 'the caller’s unit’s part after the report' }) assignment: ProgressAssignmentStateResponse;
}

export class SubmitResultResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) id: string;
  @ApiProperty({ enum: TASK_STATUSES, example: 'submitted' }) status: string;
  @ApiProperty({ example: 4 }) version: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2027-06-20T08:00:00.000Z' }) submittedAt: string | null;
  @ApiProperty({ type: [FileResponse], description: 'evidence files attached to this submission (申请办结)' }) files: FileResponse[];
}

export class ReviewRecordResponse {
  @ApiProperty({ format: 'uuid', example: '8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a' }) id: string;
  @ApiProperty({ enum: ['approve', 'return'], example: 'approve' }) decision: string;
  @ApiProperty({ type: String, nullable: true, example: null }) reason: string | null;
  @ApiProperty({ description: 'completed although steps were still open', example: false }) overrideOpenSteps: boolean;
}

export class ReviewResultResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) id: string;
  @ApiProperty({ enum: TASK_STATUSES, description: 'completed (办结) or returned (退回)', example: 'completed' }) status: string;
  @ApiProperty({ example: 5 }) version: number;
  @ApiProperty({ type: ReviewRecordResponse }) review: ReviewRecordResponse;
}

export class DeadlineResultResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) id: string;
  @ApiProperty({ format: 'date-time', description: 'the deadline in force', example: '2027-12-31T10:00:00.000Z' }) dueAt: string;
  @ApiProperty({ format: 'date-time', description: 'kept for appraisal', example: EXAMPLE.dueAt }) originalDueAt: string;
  @ApiProperty({ example: 4 }) version: number;
}

export class ExtensionDecisionResultResponse {
  @ApiProperty({ type: ExtensionResponse }) extension: ExtensionResponse;
  @ApiProperty({ type: DeadlineResultResponse, description: 'the item’s deadlines after the decision' }) task: DeadlineResultResponse;
}

export class BulkAssignItemResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) taskId: string;
  @ApiProperty({ description: 'the item’s new version', example: 4 }) version: number;
  @ApiProperty({ enum: ['added', 'role_changed', 'unchanged'], example: 'added' }) change: 'added' | 'role_changed' | 'unchanged';
}

export class BulkAssignResultResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId2 }) unitId: string;
  @ApiProperty({ enum: ASSIGNMENT_ROLES, example: 'assisting' }) role: string;
  @ApiProperty({ type: [BulkAssignItemResponse] }) tasks: BulkAssignItemResponse[];
}

export class UrgeItemResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) taskId: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'the lead and responsible units with an open part, each urged once' }) unitIds: string[];
}

export class UrgeResultResponse {
  @ApiProperty({ description: 'urge reminders queued (one per item and unit), sent at once by the worker', example: 2 }) queued: number;
  @ApiProperty({ type: [UrgeItemResponse] }) tasks: UrgeItemResponse[];
}
