import { ApiProperty } from '@nestjs/swagger';
import { TASK_STATUSES } from '@app/domain';
import { EXAMPLE } from '../../common/api-docs';

// JSON shapes of the reports (report-views.ts); with ?format=csv|xlsx the same rows come as a table.

const RATE = 'a fraction 0–1; null when there is nothing to divide by';

export class LightCountsResponse {
  @ApiProperty({ example: 30 }) green: number;
  @ApiProperty({ example: 6 }) yellow: number;
  @ApiProperty({ example: 3 }) red: number;
  @ApiProperty({ description: 'completed, suspended or cancelled: no light', example: 3 }) none: number;
}

export class SummaryReportResponse {
  @ApiProperty({ format: 'date-time', description: 'the moment the figures were taken', example: EXAMPLE.updatedAt }) asOf: string;
  @ApiProperty({ description: 'items in scope', example: 42 }) total: number;
  @ApiProperty({ example: 3 }) overdue: number;
  @ApiProperty({ example: 5 }) completed: number;
  @ApiProperty({ description: 'completed by the deadline in force', example: 4 }) completedOnTime: number;
  @ApiProperty({ example: 0 }) cancelled: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: `items per status (${TASK_STATUSES.join(', ')})`,
    example: { assigned: 5, in_progress: 30, submitted: 2, completed: 5 },
  })
  byStatus: Record<string, number>;
  @ApiProperty({ type: LightCountsResponse, description: 'items per traffic light (红黄绿灯)' }) byLight: LightCountsResponse;
  @ApiProperty({ type: Number, nullable: true, description: `completed / (total − cancelled): ${RATE}`, example: 0.119 }) completionRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: `completed on time / completed: ${RATE}`, example: 0.8 }) onTimeCompletionRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'over the overdue items', example: 12.3 }) averageDaysOverdue: number | null;
  @ApiProperty({ description: 'open items due in the next 7 days', example: 2 }) dueNext7: number;
  @ApiProperty({ description: 'open items due in the next 30 days', example: 7 }) dueNext30: number;
}

export class UnitReportResponse {
  @ApiProperty({ description: 'place in the ranking (考核排名); ties share a rank', example: 1 }) rank: number;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId }) unitId: string;
  @ApiProperty({ example: 'kjj' }) unitCode: string;
  @ApiProperty({ example: EXAMPLE.unitName }) unitName: string;
  @ApiProperty({ description: 'items with any role', example: 12 }) assigned: number;
  @ApiProperty({ description: '牵头', example: 8 }) asLead: number;
  @ApiProperty({ description: '责任', example: 3 }) asResponsible: number;
  @ApiProperty({ description: '配合', example: 1 }) assisting: number;
  @ApiProperty({ example: 4 }) completed: number;
  @ApiProperty({ example: 4 }) onTime: number;
  @ApiProperty({ example: 1 }) overdue: number;
  @ApiProperty({ type: Number, nullable: true, description: RATE, example: 0.333 }) completionRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: RATE, example: 1 }) onTimeRate: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'average days late over late completions and overdue items', example: 2.5 }) averageDelayDays: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: EXAMPLE.updatedAt }) lastProgressAt: string | null;
}

export class AppraisalRowResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId }) unitId: string;
  @ApiProperty({ example: 'kjj' }) unitCode: string;
  @ApiProperty({ example: EXAMPLE.unitName }) unitName: string;
  @ApiProperty({ example: 12 }) assigned: number;
  @ApiProperty({ description: 'items whose counted deadline has passed or that are completed (应考核事项)', example: 6 }) appraised: number;
  @ApiProperty({ description: 'done by the original deadline (按原定时限完成)', example: 5 }) onTime: number;
  @ApiProperty({ example: 1 }) late: number;
  @ApiProperty({ description: 'done by a deadline extended by an extension approved in time', example: 0 }) extendedInTime: number;
  @ApiProperty({ type: Number, nullable: true, description: RATE, example: 0.833 }) onTimeRate: number | null;
  @ApiProperty({ description: 'yellow notices (黄色催办) received', example: 2 }) yellowNotices: number;
  @ApiProperty({ description: 'red notices (红色督办) received', example: 0 }) redNotices: number;
  @ApiProperty({ description: 'acknowledged (签收) later than allowed', example: 1 }) lateAcknowledgements: number;
  @ApiProperty({ description: 'cycle progress reports missed or late', example: 0 }) lateProgressReports: number;
}

export class AppraisalReportResponse {
  @ApiProperty({ type: [AppraisalRowResponse], description: 'one row per unit' }) items: AppraisalRowResponse[];
  @ApiProperty({ example: 18 }) total: number;
}

export class PersonReportResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.userId }) userId: string;
  @ApiProperty({ example: 'kjj_staff' }) username: string;
  @ApiProperty({ example: '张三' }) displayName: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId }) unitId: string;
  @ApiProperty({ example: EXAMPLE.unitName }) unitName: string;
  @ApiProperty({ description: 'items the person is 承办人 of: named by the unit (分办), else the last to report progress for it', example: 6 }) items: number;
  @ApiProperty({ description: 'progress reports sent', example: 14 }) reports: number;
  @ApiProperty({ example: 3 }) completed: number;
  @ApiProperty({ example: 3 }) onTime: number;
  @ApiProperty({ example: 0 }) late: number;
  @ApiProperty({ example: 1 }) overdue: number;
  @ApiProperty({ type: Number, nullable: true, description: RATE, example: 1 }) onTimeRate: number | null;
  @ApiProperty({ example: 1 }) yellowNotices: number;
  @ApiProperty({ example: 0 }) redNotices: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: EXAMPLE.updatedAt }) lastProgressAt: string | null;
}

export class OverdueReportResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) taskId: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.planId }) planId: string;
  @ApiProperty({ example: EXAMPLE.planTitle }) planTitle: string;
  @ApiProperty({ example: '12' }) code: string;
  @ApiProperty({ example: EXAMPLE.taskTitle }) title: string;
  @ApiProperty({ enum: TASK_STATUSES, example: 'in_progress' }) status: string;
  @ApiProperty({ example: 40 }) progress: number;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.dueAt }) dueAt: string;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.dueAt }) originalDueAt: string;
  @ApiProperty({ example: 9 }) daysOverdue: number;
  @ApiProperty({ type: [String], example: [EXAMPLE.unitName] }) leadUnits: string[];
  @ApiProperty({ type: [String], example: [EXAMPLE.unitName2] }) responsibleUnits: string[];
  @ApiProperty({ type: String, enum: ['blue', 'yellow', 'red'], nullable: true, description: 'highest notice sent (蓝/黄/红)', example: 'yellow' })
  escalationLevel: 'blue' | 'yellow' | 'red' | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: EXAMPLE.updatedAt }) lastProgressAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: '已完成调研，正在起草方案' }) lastProgressNote: string | null;
}

export class IndicatorReportResponse {
  @ApiProperty({ enum: ['task', 'plan'], description: 'an item’s indicator or a plan-level target', example: 'task' }) source: 'task' | 'plan';
  @ApiProperty({ format: 'uuid', example: EXAMPLE.planId }) planId: string;
  @ApiProperty({ example: EXAMPLE.planTitle }) planTitle: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: EXAMPLE.taskId }) taskId: string | null;
  @ApiProperty({ example: '12' }) code: string;
  @ApiProperty({ description: 'the item or target', example: EXAMPLE.taskTitle }) label: string;
  @ApiProperty({ example: '高新技术企业数量' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '家' }) unit: string | null;
  @ApiProperty({ enum: ['>=', '=', '<='], example: '>=' }) comparator: string;
  @ApiProperty({ example: 1200 }) target: number;
  @ApiProperty({ type: Number, nullable: true, example: 780 }) latestValue: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: EXAMPLE.updatedAt }) reportedAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'percent of the target reached', example: 65 }) percentAchieved: number | null;
  @ApiProperty({ format: 'date', example: '2027-06-30' }) deadline: string;
  @ApiProperty({ description: 'percent of the time to the deadline that has passed (时间进度)', example: 52.1 }) elapsedPercent: number;
  @ApiProperty({ description: 'achieved at least as much as time elapsed (达序时进度)', example: true }) onTrack: boolean;
}

export class TrendRowResponse {
  @ApiProperty({ format: 'date', example: '2025-05-01' }) periodStart: string;
  @ApiProperty({ format: 'date', example: '2025-05-31' }) periodEnd: string;
  @ApiProperty({ example: 6 }) completed: number;
  @ApiProperty({ example: 5 }) completedOnTime: number;
  @ApiProperty({ description: 'items whose deadline passed in the period without completion', example: 2 }) newOverdue: number;
}

export class TrendReportResponse {
  @ApiProperty({ enum: ['week', 'month'], example: 'month' }) interval: 'week' | 'month';
  @ApiProperty({ format: 'date', example: '2025-01-01' }) from: string;
  @ApiProperty({ format: 'date', example: '2025-12-31' }) to: string;
  @ApiProperty({ type: [TrendRowResponse] }) items: TrendRowResponse[];
}
