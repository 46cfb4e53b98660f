// Shared by the boot script and the app: no imports, so the boot script stays a few hundred bytes.

export const CSRF_COOKIE = 'duban_csrf';
export const REFRESH_LOCK = 'duban-session-refresh';
export const WORKBENCH_TABS = ['to_acknowledge', 'in_progress', 'returned', 'due_soon', 'overdue', 'mine', 'all'] as const;
export const WORKBENCH_PAGE_SIZE = 20;

export interface BootData {
  /** The session restored from the refresh cookie (the raw answer), or null without a cookie. */
  session?: Promise<Response | null>;
  /** On the 工作台: its first requests, sent as soon as the session is back. */
  workbench?: Promise<{ tab: string; page: number; counts: Response; list: Response; unread: Response } | null>;
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

declare global {
  interface Window {
    __dubanBoot?: BootData;
  }
}
