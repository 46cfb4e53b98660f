import { STATUS_CODES } from 'node:http';
import { applyDecorators, HttpCode, Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Role } from '@app/persistence';
import { Roles } from './current-user';
import { refusalBody } from './http-errors';

// OpenAPI documentation helpers shared by every controller: the one error shape the
// ApiExceptionFilter answers with, and the paginated list wrapper (common/pagination.ts).
// These classes only describe responses; nothing at runtime is built from them.

/** Example ids used across response examples, so the examples link up. */
export const EXAMPLE = {
  planId: '5b0c5e7e-8a55-4c5e-9d1b-2f7f1c2a9e10',
  taskId: '3f1c9a7e-2b4d-4c8e-9a61-7d2e5f8b9c03',
  unitId: '0f6a3c2e-1d4b-4a8e-9c61-7b2d5e8f9a01',
  unitId2: '7c2e4a1b-9d3f-4e6a-8b5c-1f0a2d3e4b5c',
  userId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  stepId: 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f',
  extensionId: 'e9f8a7b6-c5d4-4e3f-a2b1-0c9d8e7f6a5b',
  reportId: 'b7a6c5d4-e3f2-4a1b-9c8d-7e6f5a4b3c2d',
  importId: 'd2c3b4a5-f6e7-4d8c-9b0a-1e2f3a4b5c6d',
  reminderId: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
  notificationId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  tokenId: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
  commentId: '6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e',
  planTitle: '武汉市2025年科技创新工作要点',
  taskTitle: '培育高新技术企业',
  unitName: '武汉市科学技术局',
  unitName2: '武汉市财政局',
  dueAt: '2027-06-30T10:00:00.000Z',
  createdAt: '2025-03-12T02:15:30.000Z',
  updatedAt: '2025-05-20T07:42:11.000Z',
} as const;

/** The body of every error answer: {statusCode, message, error?}. */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', description: 'the HTTP status again', example: 404 })
  statusCode: number;

  @ApiProperty({
    description: 'what went wrong; validation errors list every problem',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: `task ${EXAMPLE.taskId} not found`,
  })
  message: string | string[];

  @ApiPropertyOptional({ description: 'the HTTP reason phrase', example: 'Not Found' })
  error?: string;
}

/** 409: a stale version (optimistic locking) or a state that forbids the change. */
export class ConflictErrorResponse extends ErrorResponse {
  @ApiPropertyOptional({ description: 'the version to reload and send again (stale-version conflicts)', example: 5 })
  currentVersion?: number;
}

/** 422: a workflow move that is not allowed now, an unreadable document, or a reused Idempotency-Key. */
export class UnprocessableErrorResponse extends ErrorResponse {
  @ApiPropertyOptional({ description: 'machine-readable reason', example: 'illegal_transition' })
  code?: string;

  @ApiPropertyOptional({ description: 'workflow: the status the item is in', example: 'completed' })
  from?: string;

  @ApiPropertyOptional({ description: 'workflow: the status asked for', example: 'in_progress' })
  to?: string;

  @ApiPropertyOptional({ type: [String], description: 'workflow: the statuses the caller may move the item to from here', example: [] })
  allowed?: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'import: line of the document that could not be read', example: 12 })
  line?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'import: spreadsheet cell that could not be read', example: 'C7' })
  cell?: string | null;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** An answer of the plain ErrorResponse shape; its example's error is the status's HTTP reason phrase. */
const plainError = (status: ErrorStatus, description: string, message: string | string[]) => ({
  model: ErrorResponse,
  description,
  example: { statusCode: status, message, error: STATUS_CODES[status] },
});

const ERRORS: Record<ErrorStatus, { model: Type<unknown>; description: string; example: Record<string, unknown> }> = {
  400: plainError(400, 'Invalid request: a body field, path parameter or query value is missing or malformed (message lists every problem)', ["dueAt must be a date 'YYYY-MM-DD' or an ISO 8601 timestamp with a time zone"]),
  401: plainError(401, 'No bearer token, or an invalid or expired one', 'missing bearer token: log in with POST /auth/login'),
  403: plainError(403, 'Authenticated but not allowed: a role is missing, the caller does not supervise the plan or act for the unit, or a read-only API token was used for a change', "only a supervisor of this item's plan may review"),
  404: plainError(404, 'Not found, or not visible to the caller', `task ${EXAMPLE.taskId} not found`),
  409: {
    model: ConflictErrorResponse,
    description: 'Conflict: the version sent is stale (reload; currentVersion is the one in force) or the current state forbids the change',
    example: {
      statusCode: 409,
      error: 'Conflict',
      message: `task ${EXAMPLE.taskId} was changed by someone else: you sent version 4, the current version is 5; reload and retry`,
      currentVersion: 5,
    },
  },
  413: plainError(413, 'The body or the uploaded file is too large', 'File too large'),
  415: plainError(415, 'The file type is not allowed, or the bytes are not the type the extension declares (message in Chinese)', '不支持的文件类型：.exe'),
  422: {
    model: UnprocessableErrorResponse,
    description: 'Not possible now: the workflow does not allow this move (allowed lists what is), or an Idempotency-Key was reused for another request',
    example: {
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'a completed item cannot move to in_progress',
      code: 'illegal_transition',
      from: 'completed',
      to: 'in_progress',
      allowed: [],
    },
  },
  429: plainError(429, 'Too many requests: the login is locked for a while, or the address sent too many requests', 'too many failed logins; try again later'),
};

/**
 * One documented error answer. Always application/json (the exception filter forces it), also on
 * handlers that produce CSV, XLSX, HTML or iCalendar.
 */
export const ApiError = (status: ErrorStatus, description?: string, example?: Record<string, unknown>) => {
  const e = ERRORS[status];
  return applyDecorators(
    ApiExtraModels(e.model),
    ApiResponse({
      status,
      description: description ?? e.description,
      content: { 'application/json': { schema: { $ref: getSchemaPath(e.model) }, example: example ?? e.example } },
    }),
  );
};

/** The usual error answers of a handler, with the shared descriptions and examples. */
export const ApiErrors = (...statuses: ErrorStatus[]) => applyDecorators(...statuses.map((s) => ApiError(s)));

/** A documented 422 whose example is the body `refusal(code, message, fields)` throws. */
export const ApiRefusal = (description: string, code: string, message: string | string[], fields: Record<string, unknown> = {}) =>
  ApiError(422, description, refusalBody(code, message, fields));

/**
 * What every controller behind the login declares, once: its Swagger tag, the bearer token, the roles
 * its handlers need (if the whole controller needs some) and the 401 (and then 403) any handler may
 * answer. New controllers start with `@SignedInApi('tag')` or `@SignedInApi('tag', 'admin')`.
 */
export const SignedInApi = (tag: string, ...roles: Role[]) =>
  applyDecorators(ApiTags(tag), ApiBearerAuth(), ...(roles.length ? [Roles(...roles), ApiErrors(401, 403)] : [ApiErrors(401)]));

/** The paginated list wrapper; `items` is narrowed per operation by ApiPaginatedResponse. */
export class PageResponse {
  @ApiProperty({ type: 'array', items: {}, description: 'the rows of this page' })
  items: unknown[];

  @ApiProperty({ description: 'rows matching the filters, over all pages', example: 57 })
  total: number;

  @ApiProperty({ description: 'the page number (from 1)', example: 1 })
  page: number;

  @ApiProperty({ description: 'rows per page (1–200)', example: 20 })
  limit: number;
}

/** The schema of {items: Model[], total, page, limit} (register PageResponse and the model with ApiExtraModels). */
export const pageSchema = (model: Type<unknown>, extra: Record<string, Record<string, unknown>> = {}) => ({
  allOf: [
    { $ref: getSchemaPath(PageResponse) },
    {
      type: 'object',
      required: ['items'],
      properties: { items: { type: 'array', description: 'the rows of this page', items: { $ref: getSchemaPath(model) } }, ...extra },
    },
  ],
});

/**
 * 200 with {items: Model[], total, page, limit}. `extra` adds properties next to them (the
 * inbox's unread count).
 */
export const ApiPaginatedResponse = <M extends Type<unknown>>(
  model: M,
  options: { description?: string; extra?: Record<string, Record<string, unknown>> } = {},
) =>
  applyDecorators(
    ApiExtraModels(PageResponse, model),
    ApiResponse({
      status: 200,
      description: options.description ?? `A page of ${model.name.replace(/Response$/, '')} rows`,
      schema: pageSchema(model, options.extra),
    }),
  );

// The documentation of one handler, in one line: what it does (a summary, or {summary, description}),
// what it answers and which errors it documents. Error answers with an example of their own are added
// beside it with ApiError / ApiRefusal.

/** What an operation does: its summary, or {summary, description} when it needs explaining. */
export type Operation = string | { summary: string; description: string };
/** The answer's model; `[Model]` for a list. */
export type Model = Type<unknown> | [Type<unknown>];

const operation = (op: Operation) => ApiOperation(typeof op === 'string' ? { summary: op } : op);

/** 200 with `type` (a GET, or a PUT/PATCH answering the thing after the change). */
export const Reads = (op: Operation, type: Model, errors: ErrorStatus[] = [], description?: string) =>
  applyDecorators(operation(op), ApiOkResponse({ type, ...(description ? { description } : {}) }), ...(errors.length ? [ApiErrors(...errors)] : []));

/** A POST that acts and answers 200 with `type` (not 201: nothing new is addressable). */
export const Acts = (op: Operation, type: Model, errors: ErrorStatus[] = [], description?: string) =>
  applyDecorators(HttpCode(200), Reads(op, type, errors, description));

/** 200 with a page of `model` rows ({items, total, page, limit}); 400 for a bad filter. */
export const Lists = (op: Operation, model: Type<unknown>, description: string, errors: ErrorStatus[] = [400]) =>
  applyDecorators(operation(op), ApiPaginatedResponse(model, { description }), ApiErrors(...errors));

/** 201 with the created `type`. */
export const Creates = (op: Operation, type: Model, errors: ErrorStatus[], description?: string) =>
  applyDecorators(operation(op), ApiCreatedResponse({ type, ...(description ? { description } : {}) }), ApiErrors(...errors));

/** 204 and no body. */
export const Removes = (op: Operation, errors: ErrorStatus[], description = 'Deleted') =>
  applyDecorators(HttpCode(204), operation(op), ApiNoContentResponse({ description }), ...(errors.length ? [ApiErrors(...errors)] : []));

/** A multipart/form-data upload of one file in the field `file`; `example` describes it (a file name). */
export const ApiFileUpload = (example: string) =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: example } } } }),
  );
