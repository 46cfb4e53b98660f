import { HttpException, HttpStatus } from '@nestjs/common';

/** A 429 whose body says when to come back; the exception filter copies it into `Retry-After`. */
export function tooManyRequests(message: string, retryAfterSeconds: number): HttpException {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new HttpException({ statusCode: 429, error: 'Too Many Requests', message, retryAfterSeconds: seconds }, HttpStatus.TOO_MANY_REQUESTS);
}

/** The seconds a 429 body asks the client to wait, if it is one. */
export function retryAfterOf(status: number, body: Record<string, unknown>): number | null {
  return status === 429 && typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : null;
}
