import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { EXPORT_FORMATS } from './export/report-exporter';
import { TREND_INTERVALS, UNIT_SORTS } from './dto/report-query.dto';

export const ReportsApi = () => applyDecorators(ApiTags('reports'), ApiBearerAuth());

/** The filters and export format every report takes, with examples. */
export const ReportQueryDocs = (summary: string) =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    ApiQuery({ name: 'planId', required: false, description: 'only this plan', example: '5b0c5e7e-8a55-4c5e-9d1b-2f7f1c2a9e10' }),
    ApiQuery({ name: 'unitId', required: false, description: 'only items on which this unit has a role (and, in per-unit reports, only its row)', example: '0f6a3c2e-1d4b-4a8e-9c61-7b2d5e8f9a01' }),
    ApiQuery({ name: 'from', required: false, description: 'deadline on or after this Asia/Shanghai date (trend: window start)', example: '2025-01-01' }),
    ApiQuery({ name: 'to', required: false, description: 'deadline on or before this Asia/Shanghai date (trend: window end)', example: '2025-12-31' }),
    ApiQuery({ name: 'format', required: false, enum: EXPORT_FORMATS, description: 'json (default), csv (UTF-8 with BOM) or xlsx', example: 'xlsx' }),
  );

export const PageDocs = () =>
  applyDecorators(
    ApiQuery({ name: 'page', required: false, example: 1, description: 'JSON only; exports contain every row' }),
    ApiQuery({ name: 'limit', required: false, example: 20, description: '1–200' }),
  );

export const UnitSortDocs = () =>
  ApiQuery({ name: 'sort', required: false, enum: UNIT_SORTS, example: 'onTimeRate:desc', description: 'ranking (考核排名); ties share a rank' });

export const TrendDocs = () =>
  ApiQuery({ name: 'interval', required: false, enum: TREND_INTERVALS, example: 'week', description: 'ISO weeks from Monday, or calendar months' });
