import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  @ApiPropertyOptional({ description: 'the field in doubt (deadline, year, script, …)', example: 'deadline' }) field?: string;
  @ApiPropertyOptional({ description: 'the text the importer read there', example: '汛期前' }) text?: string;
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

export class ProposedUnitResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId }) id: string;
  @ApiProperty({ example: '某市甲区发展和改革局' }) name: string;
  @ApiProperty({ description: 'similarity of the names, 0–1', example: 0.67 }) score: number;
}

export class UnitProposalResponse {
  @ApiProperty({ description: 'the name as the document writes it', example: '区发改局' }) name: string;
  @ApiProperty({ description: 'the name normalised (widths, spaces)', example: '区发改局' }) normalized: string;
  @ApiProperty({ description: 'the name proposed for a new unit (createUnit)', example: '区发改局' }) proposed: string;
  @ApiProperty({ type: [ProposedUnitResponse], description: 'the closest directory units, best first (mapUnit)' }) candidates: ProposedUnitResponse[];
}

export class CorrectionResponse {
  @ApiProperty({ type: String, nullable: true, description: 'the item; null for a unit mapping', example: '3' }) code: string | null;
  @ApiProperty({ enum: ['title', 'deadline', 'leadUnits', 'responsibleUnits', 'assistingUnits', 'dropped', 'merged', 'unit'], example: 'deadline' }) field: string;
  @ApiPropertyOptional({ description: 'unit mappings: the name mapped', example: '区发改局' }) name?: string;
  @ApiProperty({ description: 'the value before', example: { deadline: '2025-12-31', deadlineText: null } }) before: unknown;
  @ApiProperty({ description: 'the value after', example: { deadline: '2025-09-30', deadlineText: '9月底前' } }) after: unknown;
}

export class ImportItemPeopleResponse {
  @ApiProperty({ description: 'the item', example: '3' }) code: string;
  @ApiProperty({ example: EXAMPLE.taskTitle }) title: string;
  @ApiProperty({ type: [String], description: 'persons named as its leaders (责任领导/分管领导)', example: ['王某某'] }) leaders: string[];
  @ApiProperty({ type: [String], description: 'persons named as its contacts (责任人/联系人)', example: ['李某'] }) contacts: string[];
}

export class ImportPreviewResponse implements ImportPreview {
  @ApiProperty({ format: 'uuid', description: 'commit it with POST /imports/{id}/commit', example: EXAMPLE.importId }) importId: string;
  @ApiProperty({ enum: ['new', 'unchanged', 'revision'], description: 'new plan, the exact document already saved, or a revised version of a saved plan', example: 'new' })
  kind: ImportPreview['kind'];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the saved plan, for unchanged and revision', example: null }) planId: string | null;
  @ApiProperty({ type: ParsedPlanInfoResponse }) plan: ParsedPlanInfoResponse;
  @ApiProperty({ type: ImportCountsResponse }) counts: ImportCountsResponse;
  @ApiProperty({ type: [String], description: 'unit names not in the directory: map or create them (PATCH /imports/{id}), else they become pending units on commit', example: ['武汉东湖新技术开发区管委会'] }) unknownUnits: string[];
  @ApiProperty({ type: [UnitProposalResponse], description: 'each unknown name with a proposed new unit and the closest directory units' }) proposals: UnitProposalResponse[];
  @ApiProperty({ type: [ImportWarningResponse] }) warnings: ImportWarningResponse[];
  @ApiProperty({
    type: [ImportItemPeopleResponse],
    description: 'items whose 责任领导/责任人 columns or labels name persons (never units), in document order; items naming nobody are left out',
  })
  people: ImportItemPeopleResponse[];
  @ApiProperty({ type: ImportDiffResponse, nullable: true, description: 'revision only: what changes against the saved plan' }) diff: ImportDiffResponse | null;
}

export class OcrProgressResponse {
  @ApiProperty({ description: 'pages recognised so far', example: 3 }) pagesDone: number;
  @ApiProperty({ description: 'pages to recognise (pages without a text layer)', example: 8 }) pagesTotal: number;
  @ApiProperty({ type: String, nullable: true, description: 'ocr_failed only: why, in Chinese', example: null }) error: string | null;
}

export class ImportOcrPendingResponse {
  @ApiProperty({ format: 'uuid', description: 'follow it with GET /imports/{id}', example: EXAMPLE.importId }) importId: string;
  @ApiProperty({ enum: ['ocr_pending'], example: 'ocr_pending' }) status: 'ocr_pending';
  @ApiProperty({ type: OcrProgressResponse }) ocr: OcrProgressResponse;
}

export class ImportDetailResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.importId }) id: string;
  @ApiProperty({
    enum: ['previewed', 'committed', 'unchanged', 'ocr_pending', 'ocr_failed'],
    description: 'ocr_pending: a scan the worker is reading (see ocr); ocr_failed: it could not (ocr.error)',
    example: 'previewed',
  })
  status: string;
  @ApiProperty({ type: OcrProgressResponse, nullable: true, description: 'scans only: OCR progress, pages done of pages to read' }) ocr: OcrProgressResponse | null;
  @ApiProperty({ example: '武汉市2025年科技创新工作要点.docx' }) fileName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null }) planId: string | null;
  @ApiProperty({ type: ImportDiffResponse, nullable: true, description: 'revision only' }) diff: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'the parsed plan (DESIGN.md import contract): plan, targets, tasks with steps, units and indicators, warnings; null while a scan waits for OCR',
    example: { plan: { title: EXAMPLE.planTitle, year: 2025 }, targets: [], tasks: [{ code: '12', title: EXAMPLE.taskTitle, leadUnits: [EXAMPLE.unitName], deadline: '2027-06-30' }], warnings: [] },
  })
  parsed: unknown;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'the plan as corrected by hand (same shape as parsed; equal to it before any correction); this is what commit saves', example: { plan: { title: EXAMPLE.planTitle }, tasks: [] } })
  draft: unknown;
  @ApiProperty({ description: 'send it with the next PATCH; a stale one answers 409', example: 2 }) version: number;
  @ApiProperty({ type: [CorrectionResponse], description: 'every correction made by hand, in order' }) corrections: CorrectionResponse[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, description: 'item code → the fields corrected by hand', example: { '3': ['deadline'], '5': ['merged'] } })
  correctedFields: Record<string, string[]>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'unit name → the directory unit it was mapped to ({unitId, unitName}) or the unit to create ({create})', example: { 区发改局: { unitId: EXAMPLE.unitId, unitName: '某市甲区发展和改革局' } } })
  mappings: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'previewed only: unit names still unknown', example: ['区数据局'] }) unknownUnits: string[];
  @ApiProperty({ type: [UnitProposalResponse], description: 'previewed only: proposals for the unknown names' }) proposals: UnitProposalResponse[];
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
  @ApiProperty({ type: [String], description: 'units created because the preview asked for them (createUnit)', example: ['某市甲区数据局'] }) createdUnits: string[];
  @ApiProperty({ type: [String], description: 'names mapped by hand, now aliases of their units for the next import', example: ['区发改局'] }) learnedAliases: string[];
}
