import { applyDecorators, Get, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiProduces, ApiQuery, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ApiErrors, ErrorStatus, pageSchema, PageResponse, SignedInApi } from '../common/api-docs';
import { EXPORT_FORMATS } from './export/report-exporter';
import { TREND_INTERVALS, UNIT_SORTS } from './dto/report-query.dto';

export const ReportsApi = () => applyDecorators(SignedInApi('reports'), ApiErrors(400));

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const XLSX_CONTENT = { schema: { type: 'string', format: 'binary', description: 'an .xlsx workbook, sent as an attachment (Content-Disposition with a UTF-8 filename*)' } };

/**
 * The 200 of a report: JSON in the model's shape (a page of rows when paginated), or the same
 * rows as a table with ?format=csv (UTF-8 with BOM, Chinese headers) or ?format=xlsx.
 */
export const ReportOkResponse = (model: Type<unknown>, options: { paginated?: boolean; csvExample: string; description?: string }) =>
  applyDecorators(
    ApiExtraModels(PageResponse, model),
    ApiResponse({
      status: 200,
      description: options.description ?? 'The report as JSON, or as a CSV / XLSX download with ?format=csv|xlsx',
      content: {
        'application/json': { schema: options.paginated ? pageSchema(model) : { $ref: getSchemaPath(model) } },
        'text/csv': {
          schema: { type: 'string', description: 'UTF-8 with a BOM, one header row of Chinese column names; every row, not one page' },
          example: options.csvExample,
        },
        [XLSX]: XLSX_CONTENT,
      },
    }),
  );

/** The weekly 督办通报 workbook. */
export const WeeklyOkResponse = () =>
  ApiResponse({ status: 200, description: 'The weekly report workbook (督办通报.xlsx) as an attachment', content: { [XLSX]: XLSX_CONTENT } });

/** The filters and export format every report takes, with examples. */
export const ReportQueryDocs = (summary: string) =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiProduces('application/json', 'text/csv', XLSX),
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

/**
 * One report endpoint, GET /reports/<path>: its filters, its 200 (JSON, CSV, XLSX), the page
 * parameters of a paginated one and any further parameters and errors it documents.
 */
export const Report = (
  path: string,
  summary: string,
  model: Type<unknown>,
  options: { paginated?: boolean; csvExample: string; errors?: ErrorStatus[]; more?: MethodDecorator[] },
) =>
  applyDecorators(
    Get(path),
    ReportQueryDocs(summary),
    ReportOkResponse(model, options),
    ...(options.errors ? [ApiErrors(...options.errors)] : []),
    ...(options.paginated ? [PageDocs()] : []),
    ...(options.more ?? []),
  );
