import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { RowNotFoundError, StaleVersionError } from '@app/persistence';
import { retryAfterOf } from './too-many-requests';

interface PgError {
  code?: string;
  detail?: string;
  message?: string;
  column?: string;
  constraint?: string;
}

/** PostgreSQL error classes a bad request can cause: they are the client's fault, never a 500. */
const PG_CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '22P02': { status: 400, message: 'a value has the wrong format' },
  '22007': { status: 400, message: 'a date or time has the wrong format' },
  '22008': { status: 400, message: 'a date or time is out of range' },
  '22003': { status: 400, message: 'a number is out of range' },
  '22001': { status: 400, message: 'a text value is too long' },
  // A NUL character (U+0000) in text or JSON: PostgreSQL cannot store it.
  '22021': { status: 400, message: 'a text value contains a character that cannot be stored (such as U+0000)' },
  '22P05': { status: 400, message: 'a text value contains a character that cannot be stored (such as U+0000)' },
  '23502': { status: 400, message: 'a required value is missing' },
  '23514': { status: 400, message: 'a value breaks a rule of the data' },
  '23505': { status: 409, message: 'this already exists' },
};

/**
 * One error shape for the whole API: {statusCode, message, ...}. Stale versions are 409 with the
 * current version; database errors caused by the request are 400/409; anything else is logged
 * with its stack and answered 500 without internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('Http');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(error);
    if (status >= 500) {
      // A deliberate 5xx (a failing health check's 503) is one line; anything unexpected keeps its stack.
      if (error instanceof HttpException) this.log.warn(`${status} ${error.message}`);
      else this.log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    if (res.headersSent) {
      // A streamed export failed midway: the status is gone, so cut the response short.
      res.destroy();
      return;
    }
    // A handler may have set another type (an .ics feed, an HTML page, a CSV export) before it threw.
    res.removeHeader('Content-Disposition');
    const retryAfter = retryAfterOf(status, body);
    if (retryAfter !== null) res.setHeader('Retry-After', String(retryAfter));
    res.status(status).type('application/json').json(body);
  }

  private describe(error: unknown): [number, Record<string, unknown>] {
    if (error instanceof HttpException) {
      const r = error.getResponse();
      const body = typeof r === 'string' ? { statusCode: error.getStatus(), message: r } : (r as Record<string, unknown>);
      return [error.getStatus(), { statusCode: error.getStatus(), ...body }];
    }
    const http = httpError(error);
    if (http) return [http.status, { statusCode: http.status, error: HttpStatus[http.status] ?? 'Bad Request', message: http.message }];
    if (error instanceof StaleVersionError) {
      return [409, { statusCode: 409, error: 'Conflict', message: error.message, currentVersion: error.currentVersion }];
    }
    if (error instanceof RowNotFoundError) {
      return [404, { statusCode: 404, error: 'Not Found', message: error.message }];
    }
    if (error instanceof QueryFailedError) {
      const pg = error.driverError as PgError;
      // Said in words: PostgreSQL's detail quotes the row's values (a username, an id) and its schema.
      if (pg.code === '23503') {
        // A delete of a referenced row is a conflict; a reference to a missing row is a bad request.
        const deleting = /update or delete/.test(pg.message ?? '');
        const status = deleting ? 409 : 400;
        const what = keyColumns(pg.detail);
        const message = deleting ? 'still in use: other records refer to it' : `refers to something that does not exist${what ? ` (${what})` : ''}`;
        return [status, { statusCode: status, error: HttpStatus[status], message }];
      }
      const known = pg.code ? PG_CLIENT_ERRORS[pg.code] : undefined;
      if (known) {
        const what = keyColumns(pg.detail) ?? pg.column;
        const message = pg.code === '23505' && what ? `a record with this ${what} already exists` : `${known.message}${what ? ` (${what})` : ''}`;
        return [known.status, { statusCode: known.status, error: HttpStatus[known.status], message }];
      }
    }
    return [500, { statusCode: 500, error: 'Internal Server Error', message: 'internal server error' }];
  }
}

/**
 * Errors raised by Express middleware before Nest sees the request (body-parser: a body over the
 * limit is 413, malformed JSON 400, an unknown charset 415) carry their own client status.
 */
function httpError(error: unknown): { status: number; message: string } | null {
  if (!(error instanceof Error)) return null;
  const e = error as Error & { status?: unknown; statusCode?: unknown; expose?: unknown };
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500 || e.expose !== true) return null;
  return { status, message: e.message || HttpStatus[status] || 'bad request' };
}

/** The column names of a PostgreSQL key detail ("Key (username)=(bob) already exists." → "username"), never its values. */
function keyColumns(detail: string | undefined): string | null {
  const m = /^Key \((.+?)\)=\(/.exec(detail ?? '');
  return m ? m[1].replace(/\w+\(|\)/g, '').replace(/\s*,\s*/g, ', ').replace(/_/g, ' ') : null;
}
