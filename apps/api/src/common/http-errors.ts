import { UnprocessableEntityException } from '@nestjs/common';

/**
 * The body of every 422 that gives its reason: {statusCode, error, code, message, …fields}. Services
 * throw it through `refusal`; the docs show it as their example through `ApiRefusal` (api-docs.ts), so
 * the documented shape and the thrown one cannot drift apart.
 */
export const refusalBody = (code: string, message: string | string[], fields: Record<string, unknown> = {}) => ({
  statusCode: 422,
  error: 'Unprocessable Entity',
  code,
  message,
  ...fields,
});

/** A 422 naming its reason (`code`), for people (`message`, Chinese where a person reads it) and machines (`fields`). */
export const refusal = (code: string, message: string | string[], fields: Record<string, unknown> = {}) =>
  new UnprocessableEntityException(refusalBody(code, message, fields));

/**
 * Runs `work`; an error `translate` recognises (one of a use case's own errors) is thrown as the HTTP
 * exception it returns, any other passes through unchanged.
 */
export async function translating<T>(work: () => Promise<T> | T, translate: (e: unknown) => Error | undefined): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw translate(e) ?? e;
  }
}
