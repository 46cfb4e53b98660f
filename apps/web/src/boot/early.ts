// Shared by the boot script, its worker and the app: no heavy imports, so the boot script stays a few KB.
import { ledgerQueryFrom } from '../features/supervision/ledger-query';

export const CSRF_COOKIE = 'duban_csrf';
export const WORKBENCH_TABS = ['to_acknowledge', 'in_progress', 'returned', 'due_soon', 'overdue', 'mine', 'all'] as const;
export const WORKBENCH_PAGE_SIZE = 20;

export interface BootData {
  /** The session restored from the refresh cookie (the raw answer), or null without a cookie. */
  session?: Promise<Response | null>;
  /** The page's first GETs (bootRequests), sent as soon as the session is back: path → answer (null: not asked). */
  prefetched?: Map<string, Promise<Response | null>>;
  /** The app's own page is on screen: the boot script's 工作台 (workbench-shell.ts) is gone or never painted. */
  tookOver?: boolean;
}

export const SHELL_ID = 'boot-shell';

/** The app's page is ready (or the app went elsewhere): remove the boot script's 工作台, for good. */
export function takeOverFromShell(): void {
  window.__dubanBoot ??= {};
  window.__dubanBoot.tookOver = true;
  document.getElementById(SHELL_ID)?.remove();
  document.getElementById(`${SHELL_ID}-style`)?.remove();
}

/** Waits before each retry of a refresh another tab made at the same moment (409), in ms: about 3 s in all. */
const CONCURRENT_REFRESH_RETRIES_MS = [50, 100, 200, 400, 800, 1600];

/**
 * POST /auth/session/refresh. The refresh cookie rotates and every tab shares it, so two tabs may
 * present the same one at once: the API tells the later one to retry (409), and the retry carries the
 * cookie the first answer set. No cross-tab lock, so a page's first request never waits on one.
 * Still 409 after the retries: thrown, as a network failure (the session is kept, the next call tries).
 */
export async function postRefresh(csrf: string): Promise<Response> {
  for (const wait of [...CONCURRENT_REFRESH_RETRIES_MS, null]) {
    const res = await fetch('/auth/session/refresh', { method: 'POST', headers: { 'x-csrf-token': csrf, accept: 'application/json' }, credentials: 'same-origin' });
    if (res.status !== 409) return res;
    if (wait === null) break;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  throw new Error('session refresh: another tab kept refreshing');
}

export function readCookie(name: string): string | null {
  const m = new RegExp(`(?:^|; )${name}=([^;]*)`).exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : null;
}

/** Which 工作台 tab and page an address shows (null: not the 工作台). */
export function workbenchView(location: { pathname: string; search: string }): { tab: string; page: number } | null {
  if (!/^\/app\/?(workbench\/?)?$/.test(location.pathname)) return null;
  const q = new URLSearchParams(location.search);
  const tab = (WORKBENCH_TABS as readonly string[]).includes(q.get('tab') ?? '') ? q.get('tab')! : 'to_acknowledge';
  return { tab, page: Math.max(1, Number(q.get('page')) || 1) };
}

export const isLedger = (location: { pathname: string }) => /^\/app\/ledger\/?$/.test(location.pathname);

/** GET /tasks for the 总台账's filters, as the boot script asks for it and the app looks it up. */
export const ledgerPath = (q: object) => `/tasks?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`;

export const workbenchPaths = (view: { tab: string; page: number }) => ({
  counts: '/me/tasks/counts',
  list: `/me/tasks?tab=${view.tab}&page=${view.page}&limit=${WORKBENCH_PAGE_SIZE}`,
  unread: '/me/notifications?limit=1',
});

/** The GETs a page makes first, which the boot script sends as soon as the session is restored. */
export function bootRequests(location: { pathname: string; search: string }): string[] {
  const view = workbenchView(location);
  if (view) return Object.values(workbenchPaths(view));
  if (isLedger(location)) return [ledgerPath(ledgerQueryFrom(new URLSearchParams(location.search)))];
  return [];
}

/** The boot script's answer to a GET it sent early, once (later reads ask the API again). */
export function takePrefetched(path: string): Promise<Response | null> | undefined {
  const answers = window.__dubanBoot?.prefetched;
  const answer = answers?.get(path);
  answers?.delete(path);
  return answer;
}

declare global {
  interface Window {
    __dubanBoot?: BootData;
  }
}
