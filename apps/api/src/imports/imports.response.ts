import { ApiProperty } from '@nestjs/swagger';
import type { ImportCommitResult, ImportPreview } from '@app/application';
import { EXAMPLE } from '../common/api-docs';

export class ParsedPlanInfoResponse {
  @ApiProperty({ example: EXAMPLE.planTitle }) title: string;
  @ApiProperty({ description: 'the issuing office (发文机关)', example: '武汉市人民政府办公厅' }) issuer: string;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2025-02-28' }) publishedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: '文号', example: '武政办〔2025〕12号' }) docNumber: string | null;
  @ApiProperty({ format: 'date', example: '2025-01-01' }) periodStart: string;
  @ApiProperty({ format: 'date', example: '2027-12-31' }) periodEnd: string;
}

export class ImportCountsResponse {
  @ApiProperty({ description: 'plan-level targets (目标)', example: 3 }) targets: number;
  @ApiProperty({ description: 'responsibility items (责任事项)', example: 42 }) tasks: number;
  @ApiProperty({ description: 'steps (具体工作内容)', example: 97 }) steps: number;
}

export class ImportWarningResponse {
  @ApiProperty({ description: 'line of the document', example: 37 }) line: number;
  @ApiProperty({ example: '未识别到完成时限，已按计划截止日期处理' }) message: string;
}

export class ImportChangedTaskResponse {
  @ApiProperty({ example: '12' }) code: string;
  @ApiProperty({ type: [String], example: ['deadline', 'leadUnits'] }) fields: string[];
}

export class ImportDiffResponse {
  @ApiProperty({ type: [String], description: 'codes of new items', example: ['43'] }) added: string[];
  @ApiProperty({ type: [String], description: 'codes of items no longer in the document', example: ['7'] }) removed: string[];
  @ApiProperty({ type: [ImportChangedTaskResponse] }) changed: ImportChangedTaskResponse[];
}

export class ImportPreviewResponse implements ImportPreview {
  @ApiProperty({ format: 'uuid', description: 'commit it with POST /imports/{id}/commit', example: EXAMPLE.importId }) importId: string;
  @ApiProperty({ enum: ['new', 'unchanged', 'revision'], description: 'new plan, the exact document already saved, or a revised version of a saved plan', example: 'new' })
  kind: ImportPreview['kind'];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the saved plan, for unchanged and revision', example: null }) planId: string | null;
  @ApiProperty({ type: ParsedPlanInfoResponse }) plan: ParsedPlanInfoResponse;
  @ApiProperty({ type: ImportCountsResponse }) counts: ImportCountsResponse;
  @ApiProperty({ type: [String], description: 'unit names not in the directory: they become pending units on commit', example: ['武汉东湖新技术开发区管委会'] }) unknownUnits: string[];
  @ApiProperty({ type: [ImportWarningResponse] }) warnings: ImportWarningResponse[];
  @ApiProperty({ type: ImportDiffResponse, nullable: true, description: 'revision only: what changes against the saved plan' }) diff: ImportDiffResponse | null;
}

export class ImportDetailResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.importId }) id: string;
  @ApiProperty({ enum: ['previewed', 'committed', 'unchanged'], example: 'previewed' }) status: string;
  @ApiProperty({ example: '武汉市2025年科技创新工作要点.docx' }) fileName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null }) planId: string | null;
  @ApiProperty({ type: ImportDiffResponse, nullable: true, description: 'revision only' }) diff: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the parsed plan (DESIGN.md import contract): plan, targets, tasks with steps, units and indicators, warnings',
    example: { plan: { title: EXAMPLE.planTitle, year: 2025 }, targets: [], tasks: [{ code: '12', title: EXAMPLE.taskTitle, leadUnits: [EXAMPLE.unitName], deadline: '2027-06-30' }], warnings: [] },
  })
  parsed: unknown;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.createdAt }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) committedAt: Date | null;
}

export class ImportCommitResponse implements ImportCommitResult {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.importId }) importId: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.planId }) planId: string;
  @ApiProperty({ enum: ['new', 'unchanged', 'revision'], example: 'new' }) kind: ImportCommitResult['kind'];
  @ApiProperty({ example: 42 }) tasksCreated: number;
  @ApiProperty({ example: 0 }) tasksUpdated: number;
  @ApiProperty({ example: 0 }) tasksRemoved: number;
  @ApiProperty({ type: [String], description: 'unit names created as pending units (confirm them in /units)', example: ['武汉东湖新技术开发区管委会'] }) pendingUnits: string[];
}
