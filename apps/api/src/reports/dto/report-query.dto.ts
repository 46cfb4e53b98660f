import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { UNIT_SORT_KEYS, UnitSortKey } from '@app/persistence';
import { IsCalendarDate } from '../../common/validators';
import { EXPORT_FORMATS, ExportFormat } from '../export/report-exporter';
import { TaskQuery } from '../../tasks/dto/task-query.dto';

/** Filters every report takes; documented with examples by ReportQueryDocs on the handlers. */
export class ReportQuery {
  @IsOptional() @IsUUID() planId?: string;
  @IsOptional() @IsUUID() unitId?: string;
  @IsOptional() @IsCalendarDate() from?: string;
  @IsOptional() @IsCalendarDate() to?: string;
  @IsOptional() @IsIn(EXPORT_FORMATS) format: ExportFormat = 'json';
}

export class PagedReportQuery extends ReportQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page: number = 1;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit: number = 20;
}

export const UNIT_SORTS = UNIT_SORT_KEYS.flatMap((k) => [`${k}:desc`, `${k}:asc`] as const);
export type UnitSort = `${UnitSortKey}:${'asc' | 'desc'}`;

export class UnitReportQuery extends PagedReportQuery {
  /** 考核排名: on-time rate first by default. */
  @IsOptional() @IsIn(UNIT_SORTS) sort: UnitSort = 'onTimeRate:desc';
}

export const TREND_INTERVALS = ['week', 'month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

export class TrendQuery extends ReportQuery {
  @IsOptional() @IsIn(TREND_INTERVALS) interval: TrendInterval = 'month';
}

/** The item list (GET /tasks's filters and sort) as a report, for the 总台账's export. */
export class ItemReportQuery extends TaskQuery {
  @IsOptional() @IsIn(EXPORT_FORMATS) format: ExportFormat = 'json';
}
