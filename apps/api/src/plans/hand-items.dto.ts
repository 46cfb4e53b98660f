import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PLAN_SOURCE_TYPES, PlanSourceType } from '@app/domain';
import { IsCalendarDate, NestedList, UnitList } from '../common/validators';
import { EXAMPLE } from '../common/api-docs';
import { IndicatorValueDto } from '../tasks/dto/task-commands.dto';

const DEADLINE_DOC = 'a date 2025-09-30, or as documents write it: 9月底前, 三季度, 年底前, 2026年6月 (read in the plan’s year)';

const UNITS_DOC = 'unit ids, or names as the directory knows them (name, short name, alias, or a group such as 各区人民政府)';

/** An indicator of a hand-made item: the name and value a progress report carries, plus its target. */
export class IndicatorDto extends IndicatorValueDto {
  @ApiProperty({ example: '家' }) @IsString() @MaxLength(50) unit: string;
  @ApiProperty({ enum: ['>=', '=', '<='], example: '>=' }) @IsIn(['>=', '=', '<=']) comparator: '>=' | '=' | '<=';
  @ApiPropertyOptional({ type: String, nullable: true, example: '2025-12-31' }) @IsOptional() @IsCalendarDate() deadline?: string | null;
}

export class StepInputDto {
  @ApiPropertyOptional({ example: '1', description: 'keeps the step (and its completion) across edits; default its position' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  code?: string;

  @ApiProperty({ example: '完成调研并形成工作方案' }) @IsString() @IsNotEmpty() @MaxLength(2000) text: string;
  @ApiProperty({ example: '6月底前', description: DEADLINE_DOC }) @IsString() @IsNotEmpty() @MaxLength(30) deadline: string;
}

/** One item (责任事项) as a supervisor enters it by hand. */
export class ItemInputDto {
  @ApiProperty({ example: '推进科技成果转化中试基地建设' }) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiPropertyOptional({ example: '会同各区建设中试基地，年内新增3家' }) @IsOptional() @IsString() @MaxLength(20_000) content?: string;
  @ApiPropertyOptional({ example: '新增中试基地3家' }) @IsOptional() @IsString() @MaxLength(2000) goal?: string;

  @ApiPropertyOptional({ example: '9月底前', description: `${DEADLINE_DOC}; required unless a recurrence is given (then the plan’s end)` })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  deadline?: string;

  @ApiPropertyOptional({ example: '每季度', description: 'monthly | quarterly | yearly, or in words: 每月, 每季度, 一季度一汇总, 每年' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  recurrence?: string;

  @ApiPropertyOptional({ type: [StepInputDto], description: 'steps (具体工作内容) with their own deadlines; on edit, the whole list' })
  @IsOptional()
  @NestedList(StepInputDto, 100)
  steps?: StepInputDto[];

  @ApiPropertyOptional({ type: [IndicatorDto], description: 'quantified targets (量化指标)' })
  @IsOptional()
  @NestedList(IndicatorDto, 50)
  indicators?: IndicatorDto[];

  @ApiProperty({ type: [String], example: [EXAMPLE.unitName], description: `牵头单位: ${UNITS_DOC}` })
  @ArrayMinSize(1)
  @UnitList()
  leadUnits: string[];

  @ApiPropertyOptional({ type: [String], example: [EXAMPLE.unitName2], description: `责任单位: ${UNITS_DOC}` })
  @IsOptional()
  @UnitList()
  responsibleUnits?: string[];

  @ApiPropertyOptional({ type: [String], example: [], description: `配合单位: ${UNITS_DOC}` })
  @IsOptional()
  @UnitList()
  assistingUnits?: string[];
}

/** An edit: only the fields sent change (steps and unit lists are replaced whole). */
export class ItemEditDto extends PartialType(ItemInputDto) {
  @ApiProperty({ example: 2, description: 'the item version you read (409 when someone changed it since)' }) @IsInt() @Min(1) version: number;
}

export class ItemRemoveDto {
  @ApiProperty({ example: 2, description: 'the item version you read' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ example: '领导批示调整，本事项不再单列', description: 'required when the item has progress (it is then cancelled, not deleted)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

class PlanSourceFields {
  @ApiPropertyOptional({ example: '武汉市人民政府办公厅', description: '发文机关 / 交办领导' }) @IsOptional() @IsString() @MaxLength(200) issuer?: string;
  @ApiPropertyOptional({ example: '武政办〔2025〕12号', description: '文号' }) @IsOptional() @IsString() @MaxLength(100) docNumber?: string;
  @ApiPropertyOptional({ example: 2025, description: 'default: this year (Asia/Shanghai)' }) @IsOptional() @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiProperty({ enum: PLAN_SOURCE_TYPES, example: '领导批示', description: '立项来源' }) @IsIn(PLAN_SOURCE_TYPES) sourceType: PlanSourceType;
  @ApiPropertyOptional({ format: 'uuid', description: 'the source document (批示件, 会议纪要 …) uploaded with POST /files' }) @IsOptional() @IsUUID() sourceFileId?: string;
}

/** 立项 by hand: a plan whose items are entered one by one. */
export class CreatePlanDto extends PlanSourceFields {
  @ApiProperty({ example: '2025年市政府常务会议议定事项' }) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiPropertyOptional({ format: 'date', example: '2025-01-01', description: 'default: 1 January of the year' }) @IsOptional() @IsCalendarDate() periodStart?: string;
  @ApiPropertyOptional({ format: 'date', example: '2025-12-31', description: 'default: 31 December of the year' }) @IsOptional() @IsCalendarDate() periodEnd?: string;
}

/** A 交办件: one item with its source and units, in one call (the plan's title is the item's). */
export class AssignedItemDto extends IntersectionType(ItemInputDto, PlanSourceFields) {}
