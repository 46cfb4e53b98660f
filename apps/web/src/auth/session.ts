import type { components } from '../api/schema';
import { CSRF_COOKIE, postRefresh, readCookie } from '../boot/early';

export type Me = components['schemas']['MeResponse'];

interface SessionState {
  status: 'unknown' | 'signed-out' | 'signed-in';
  user: Me | null;
}

/** Refresh this long before the access token runs out. */
const REFRESH_AHEAD_MS = 60_000;

let accessToken: string | null = null;
let expiresAt = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | null = null;
let state: SessionState = { status: 'unknown', user: null };
const listeners = new Set<() => void>();
// Logging out in one tab signs the others out too.
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('duban-session') : null;

function set(next: SessionState) {
  state = next;
  listeners.forEach((l) => l());
}

export const session = {
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  snapshot: () => state,
  /** The in-memory access token; never stored where page scripts of another visit could read it. */
  token: () => accessToken,
  tokenFresh: () => accessToken !== null && Date.now() < expiresAt - 30_000,
};

export const csrfToken = () => readCookie(CSRF_COOKIE);

type SessionBody = components['schemas']['SessionTokenResponse'];

function accept(body: SessionBody) {
  accessToken = body.accessToken;
  expiresAt = Date.now() + body.expiresIn * 1000;
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshSession(), Math.max(5_000, body.expiresIn * 1000 - REFRESH_AHEAD_MS));
}

export class SessionError extends Error {
  constructor(
    readonly status: number,
    readonly body: { message?: unknown; retryAfterSeconds?: number },
  ) {
    super(`session: ${status}`);
  }
}

/** Logs in: the refresh token arrives as an httpOnly cookie, the access token stays in memory. */
export async function login(username: string, password: string): Promise<Me> {
  const res = await fetch('/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password }),
    credentials: 'same-origin',
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new SessionError(res.status, body);
  accept(body);
  set({ status: 'signed-in', user: body.user });
  return body.user;
}

/**
 * A new access token from the refresh cookie, once at a time in this tab. Other tabs refreshing at
 * the same moment are the API's to sort out (postRefresh retries its 409).
 */
export function refreshSession(): Promise<boolean> {
  inFlight ??= (async () => {
    try {
      const csrf = csrfToken();
      return await settle(csrf ? await postRefresh(csrf) : null);
    } catch {
      // The network is down: keep the session as it is; the next call tries again.
      if (state.status === 'unknown') set({ status: 'signed-out', user: null });
      return false;
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

/** Takes a refresh answer: signed in with its user, or signed out. */
async function settle(res: Response | null): Promise<boolean> {
  if (!res?.ok) {
    signedOut();
    return false;
  }
  const body = (await res.json()) as SessionBody;
  accept(body);
  set({ status: 'signed-in', user: body.user });
  return true;
}

function signedOut() {
  accessToken = null;
  expiresAt = 0;
  clearTimeout(refreshTimer);
  set({ status: 'signed-out', user: null });
}

/** Revokes the refresh token on the server and clears the cookies. */
export async function logout(): Promise<void> {
  const csrf = csrfToken();
  try {
    await fetch('/auth/session/logout', {
      method: 'POST',
      headers: csrf ? { 'x-csrf-token': csrf } : {},
      credentials: 'same-origin',
    });
  } finally {
    signedOut();
    channel?.postMessage('logout');
  }
}

channel?.addEventListener('message', (e) => {
  if (e.data === 'logout') signedOut();
});

/**
 * On page load: a session cookie left from before becomes an access token again. The boot script
 * (boot/boot.ts) has usually asked already, before this code loaded; its answer is used once.
 */
export function restoreSession(): Promise<boolean> {
  const early = window.__dubanBoot?.session;
  if (early) {
    delete window.__dubanBoot!.session;
    inFlight ??= early.then(settle, () => false).finally(() => (inFlight = null));
    return inFlight;
  }
  if (!csrfToken()) {
    set({ status: 'signed-out', user: null });
    return Promise.resolve(false);
  }
  return refreshSession();
}
