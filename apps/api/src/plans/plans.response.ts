import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_SOURCE, PLAN_SOURCE_TYPES, TASK_STATUSES } from '@app/domain';
import { EXAMPLE } from '../common/api-docs';
import { TaskIndicatorResponse } from '../tasks/dto/task.response';

export class PlanTaskCountsResponse {
  @ApiProperty({ description: 'items of the plan', example: 42 }) total: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: `items per status (${TASK_STATUSES.join(', ')}); statuses with none are left out`,
    example: { assigned: 5, in_progress: 30, submitted: 2, completed: 5 },
  })
  byStatus: Record<string, number>;
  @ApiProperty({ description: 'past the deadline in force and not done', example: 3 }) overdue: number;
}

export class PlanSummaryResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.planId }) id: string;
  @ApiProperty({ example: EXAMPLE.planTitle }) title: string;
  @ApiProperty({ type: String, nullable: true, description: 'the issuing office (发文机关)', example: '武汉市人民政府办公厅' }) issuer: string | null;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2025-02-28' }) publishedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: '文号', example: '武政办〔2025〕12号' }) docNumber: string | null;
  @ApiProperty({ format: 'date', example: '2025-01-01' }) periodStart: string;
  @ApiProperty({ format: 'date', example: '2027-12-31' }) periodEnd: string;
  @ApiProperty({ enum: [DOCUMENT_SOURCE, ...PLAN_SOURCE_TYPES], description: 'document: imported from a plan document; else the 立项 source of a plan entered by hand', example: '领导批示' })
  sourceType: string;
  @ApiProperty({ type: PlanTaskCountsResponse }) taskCounts: PlanTaskCountsResponse;
  @ApiProperty({ description: 'send it back with changes (optimistic locking)', example: 2 }) version: number;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.createdAt }) createdAt: string;
}

export class PlanTargetResponse {
  @ApiProperty({ example: '一' }) code: string;
  @ApiProperty({ example: '全年新增高新技术企业1200家以上，技术合同成交额突破2000亿元' }) text: string;
  @ApiProperty({ type: [TaskIndicatorResponse], description: 'quantified targets (量化指标)' }) indicators: unknown[];
}

export class PlanSupervisorResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.userId }) id: string;
  @ApiProperty({ example: 'dbs_wang' }) username: string;
  @ApiProperty({ example: '王督办' }) displayName: string;
  @ApiProperty({ type: String, nullable: true, example: 'wang@example.gov.cn' }) email: string | null;
}

export class PlanDetailResponse extends PlanSummaryResponse {
  @ApiProperty({ type: String, nullable: true, description: 'the imported document', example: '武汉市2025年科技创新工作要点.docx' }) sourceFileName: string | null;
  @ApiProperty({ type: [PlanTargetResponse] }) targets: PlanTargetResponse[];
  @ApiProperty({ type: [PlanSupervisorResponse], description: 'supervisors (督办员) of the plan' }) supervisors: PlanSupervisorResponse[];
}

export class PlanSupervisorsResultResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.planId }) planId: string;
  @ApiProperty({ description: 'the plan’s new version', example: 3 }) version: number;
  @ApiProperty({ type: [PlanSupervisorResponse] }) supervisors: PlanSupervisorResponse[];
}
