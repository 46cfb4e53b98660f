import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { refreshSession, session } from '../auth/session';
import { ApiError } from './errors';

/**
 * Sends the in-memory access token; refreshes it shortly before it runs out, and once more when
 * the API answers 401 (then repeats the request once).
 */
async function authFetch(request: Request): Promise<Response> {
  if (session.token() && !session.tokenFresh()) await refreshSession();
  const retry = request.clone();
  const send = (r: Request) => {
    const t = session.token();
    if (t) r.headers.set('authorization', `Bearer ${t}`);
    return fetch(r);
  };
  let res: Response;
  try {
    res = await send(request);
  } catch (e) {
    throw ApiError.network(e);
  }
  // A wrong current password (POST /me/password) is a 401 too; repeating it would count a second failure.
  if (res.status === 401 && session.token() !== null && !new URL(request.url).pathname.endsWith('/me/password')) {
    if (await refreshSession()) res = await send(retry);
  }
  return res;
}

export const api = createClient<paths>({ baseUrl: '', fetch: authFetch });

/** The answer's data, or an ApiError carrying the status and the API's reason. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiError.from(response.status, error);
  return data as T;
}
