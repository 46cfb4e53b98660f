// Shared by the boot script, its worker and the app: no heavy imports, so the boot script stays a few KB.
import { ledgerQueryFrom } from '../features/supervision/ledger-query';

export const CSRF_COOKIE = 'duban_csrf';
export const REFRESH_LOCK = 'duban-session-refresh';
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
