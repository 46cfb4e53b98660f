// The first script of every page, run before the app's code has even downloaded: it restores the
// session from the refresh cookie and sends the page's first GETs (the 工作台's, the 总台账's) at
// once, so the API works while the browser is still parsing the app (bench/web measures the difference).
import type { Answer, BootMessage } from './boot-worker';
import { BootData, bootRequests, CSRF_COOKIE, readCookie, REFRESH_LOCK, workbenchView } from './early';
import type { ShellData } from './workbench-shell';

const csrf = readCookie(CSRF_COOKIE);
if (csrf && !location.pathname.startsWith('/app/ack/')) {
  const paths = bootRequests(location);
  window.__dubanBoot = paths.length && typeof Worker === 'function' ? inWorker(csrf, paths) : { session: refreshHere(csrf) };
}

function refreshHere(csrf: string): Promise<Response | null> {
  const refresh = () => fetch('/auth/session/refresh', { method: 'POST', headers: { 'x-csrf-token': csrf, accept: 'application/json' }, credentials: 'same-origin' });
  // One tab at a time: the refresh token rotates (see auth/session.ts).
  return (navigator.locks ? navigator.locks.request(REFRESH_LOCK, refresh) : refresh()).catch(() => null);
}

/** The refresh and the GETs run in a worker, so the GETs leave as soon as the refresh is back. */
function inWorker(csrf: string, paths: string[]): BootData {
  const response = (a: Answer | null) => (a ? new Response(a.body, { status: a.status, headers: { 'content-type': 'application/json' } }) : null);
  let settleSession!: (r: Promise<Response | null> | Response | null) => void;
  const settlers: ((r: Response | null) => void)[] = [];
  const session = new Promise<Response | null>((resolve) => (settleSession = resolve));
  const prefetched = new Map(paths.map((p) => [p, new Promise<Response | null>((resolve) => settlers.push(resolve))]));
  const worker = new Worker(new URL('./boot-worker.ts', import.meta.url), { type: 'module' });
  let sessionBack = false;
  const paint = shellPainter(paths.length);
  worker.onmessage = (e: MessageEvent<BootMessage>) => {
    if ('session' in e.data) {
      sessionBack = true;
      settleSession(response(e.data.session));
      paint(-1, e.data.session);
    } else {
      settlers[e.data.index](response(e.data.answer));
      paint(e.data.index, e.data.answer);
    }
  };
  // The worker's script did not load: restore the session here, and let the app ask for its data itself.
  worker.onerror = () => {
    if (!sessionBack) settleSession(refreshHere(csrf));
    settlers.forEach((s) => s(null));
  };
  worker.postMessage({ csrf, paths });
  return { session, prefetched };
}

/**
 * On the 工作台: once the session and the three answers are in, paint the page from them
 * (workbench-shell.ts, its own chunk fetched now, beside the app's) while the app is still loading.
 */
function shellPainter(answersExpected: number): (index: number, a: Answer | null) => void {
  const view = workbenchView(location);
  if (!view) return () => undefined;
  const shell = import('./workbench-shell');
  const bodies = new Map<number, unknown>();
  return (index, a) => {
    if (!a || a.status !== 200) return; // the app says what went wrong, in its own words
    try {
      bodies.set(index, JSON.parse(a.body));
    } catch {
      return;
    }
    if (bodies.size !== answersExpected + 1) return;
    const [session, counts, list, unread] = [-1, 0, 1, 2].map((i) => bodies.get(i)) as [{ user: ShellData['user'] }, ShellData['counts'], ShellData['list'], { unread: number }];
    void shell.then((m) => m.paintWorkbenchShell({ tab: view.tab, user: session.user, counts, list, unread: unread.unread })).catch(() => undefined);
  };
}
