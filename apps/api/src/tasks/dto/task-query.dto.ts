import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TASK_STATUSES, TaskStatus, TRAFFIC_LIGHTS, TrafficLight } from '@app/domain';
import { PageQuery } from '../../common/pagination';
import { IsCalendarDate } from '../../common/validators';

export const TASK_SORTS = ['dueAt:asc', 'dueAt:desc', 'code:asc', 'code:desc', 'updatedAt:asc', 'updatedAt:desc'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class TaskQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() planId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'items on which this unit has any role' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: TASK_STATUSES }) @IsOptional() @IsIn(TASK_STATUSES) status?: TaskStatus;
  @ApiPropertyOptional({ enum: TRAFFIC_LIGHTS, description: 'derived traffic light (红黄绿灯)' }) @IsOptional() @IsIn(TRAFFIC_LIGHTS) light?: TrafficLight;

  @ApiPropertyOptional({ type: Boolean, description: 'derived: deadline passed and not done' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'only items with an extension request (延期申请) waiting for a decision' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  extensionPending?: boolean;

  @ApiPropertyOptional({ example: '2025-01-01', description: 'deadline on or after this date (Asia/Shanghai)' }) @IsOptional() @IsCalendarDate() dueFrom?: string;
  @ApiPropertyOptional({ example: '2025-12-31', description: 'deadline on or before this date (Asia/Shanghai)' }) @IsOptional() @IsCalendarDate() dueTo?: string;
  @ApiPropertyOptional({ description: 'searches code, title and content' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: TASK_SORTS, default: 'dueAt:asc' }) @IsOptional() @IsIn(TASK_SORTS) sort: TaskSort = 'dueAt:asc';
}
