import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ASSIGNMENT_ROLES, AssignmentRole, TASK_STATUSES, TaskStatus } from '@app/domain';
import { IsDateOrTimestamp } from '../../common/validators';
import { OptionalFileIds } from '../../files/files.dto';

export class IndicatorValueDto {
  @ApiProperty({ example: '高新技术企业数量' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ example: 1200 }) @IsNumber({ allowNaN: false, allowInfinity: false }) value: number;
}

export class ProgressDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 60 }) @IsInt() @Min(0) @Max(100) percent: number;
  @ApiProperty({ example: '已完成调研，正在起草方案' }) @IsString() @MaxLength(10_000) note: string;

  @ApiPropertyOptional({ type: [String], example: ['https://example.gov.cn/report.pdf'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  evidence: string[] = [];

  @ApiPropertyOptional({ type: [IndicatorValueDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => IndicatorValueDto)
  indicatorValues: IndicatorValueDto[] = [];

  @ApiPropertyOptional({ format: 'uuid', description: 'the step (具体工作内容) this report is about' }) @IsOptional() @IsUUID() stepId?: string;

  @OptionalFileIds() fileIds: string[] = [];
}

export class TransitionDto {
  @ApiProperty({ enum: TASK_STATUSES, example: 'acknowledged', description: 'acknowledged (签收), in_progress (start), suspended, cancelled, or the status to resume to' })
  @IsIn(TASK_STATUSES)
  to: TaskStatus;

  @ApiPropertyOptional({ example: '上级要求暂停' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  @ApiProperty({ example: 1, description: 'the item version you read' }) @IsInt() @Min(1) version: number;
}

export class SubmitDto {
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ example: '各责任单位均已完成，申请办结' }) @IsOptional() @IsString() @MaxLength(10_000) note?: string;

  @OptionalFileIds() fileIds: string[] = [];
}

export const REVIEW_DECISIONS = ['approve', 'return'] as const;

export class ReviewDto {
  @ApiProperty({ enum: REVIEW_DECISIONS }) @IsIn(REVIEW_DECISIONS) decision: (typeof REVIEW_DECISIONS)[number];
  @ApiPropertyOptional({ example: '佐证材料不足，请补充' , description: 'required to return, and to approve with open steps'}) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  @ApiProperty({ example: 4 }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ description: 'complete although steps are still open (needs a reason)' }) @IsOptional() @IsBoolean() overrideOpenSteps?: boolean;
}

export class StepCompleteDto {
  @ApiPropertyOptional({ example: 1, description: 'the step version you read; omitted: no check' }) @IsOptional() @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ExtensionRequestDto {
  @ApiProperty({ example: '2025-12-31', description: "new deadline: a date (due at the end of that working day) or an ISO timestamp" })
  @IsDateOrTimestamp()
  requestedDueAt: string;

  @ApiProperty({ example: '需等待省级配套政策出台' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export const EXTENSION_DECISIONS = ['approve', 'reject'] as const;

export class ExtensionDecisionDto {
  @ApiProperty({ enum: EXTENSION_DECISIONS }) @IsIn(EXTENSION_DECISIONS) decision: (typeof EXTENSION_DECISIONS)[number];
  @ApiPropertyOptional({ description: 'required to reject' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  @ApiProperty({ example: 1, description: 'the extension request version you read' }) @IsInt() @Min(1) version: number;
}

export class CommentDto {
  @ApiProperty({ example: '我单位已提供相关数据' }) @IsString() @IsNotEmpty() @MaxLength(10_000) body: string;

  @OptionalFileIds() fileIds: string[] = [];
}

/** Items picked in the 总台账 for one bulk action (up to 500, each once). */
class PickedTasksDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'the picked items (all must be of plans the caller supervises)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  taskIds: string[];
}

export class BulkAssignDto extends PickedTasksDto {

  @ApiProperty({ format: 'uuid' }) @IsUUID() unitId: string;
  @ApiProperty({ enum: ASSIGNMENT_ROLES }) @IsIn(ASSIGNMENT_ROLES) role: AssignmentRole;

  @ApiPropertyOptional({ description: 'task id → the version you read; required unless ignoreVersions', example: { '00000000-0000-0000-0000-000000000000': 3 } })
  @IsOptional()
  @IsObject()
  versions?: Record<string, number>;

  @ApiPropertyOptional({ description: 'assign regardless of concurrent changes' }) @IsOptional() @IsBoolean() ignoreVersions?: boolean;

  @ApiPropertyOptional({
    default: true,
    description:
      'false: assign without notice (不通知) — the reminders of the unit whose time has already passed (which would otherwise go out at once) ' +
      'are never sent; its later reminders are sent as usual; the history records the assignment with notify: false',
  })
  @IsOptional()
  @IsBoolean()
  notify?: boolean;
}

export class PatchTaskDto {
  @ApiPropertyOptional({ example: '2025-06-30T18:00:00+08:00', description: 'the deadline in force (the original deadline is kept)' })
  @IsOptional()
  @IsDateOrTimestamp()
  dueAt?: string;

  @ApiProperty({ example: 2 }) @IsInt() @Min(1) version: number;
}

export class UrgeDto extends PickedTasksDto {
  @ApiPropertyOptional({ description: 'words for the units, printed in the mail and the inbox (催办说明)', example: '请于本周五前报送进展' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
