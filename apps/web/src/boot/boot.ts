// The first module of every page, run before the app's code has even downloaded: it restores the
// session from the refresh cookie and sends the page's first GETs (the 总台账's; on the 工作台 the
// classic page-ask.ts has sent them while the document was parsed), so the API works while the
// browser is still parsing the app (bench/web measures the difference).
import { Answer, askEarly, BootMessage } from './ask-early';
import { BootData, bootRequests, CSRF_COOKIE, postRefresh, readCookie, workbenchView } from './early';
import type { ShellData } from './workbench-shell';

/** How long the app's code may wait for the boot script's copy of the 工作台 to be painted. */
const APP_PATIENCE_MS = 1500;

const csrf = readCookie(CSRF_COOKIE);
const paths = csrf && !location.pathname.startsWith('/app/ack/') ? bootRequests(location) : [];
const view = workbenchView(location);
if (csrf && paths.length && view) {
  // The 工作台: the page's first script (page-ask.ts) has asked already; paint, then start the app
  // (which finds the answers waiting). Without that script (the dev server) ask here.
  const asked = window.__dubanPageAsk;
  const ask = (receive: (m: BootMessage) => void) => {
    if (asked?.paths.join('\n') !== paths.join('\n')) return void askEarly(csrf, paths, receive);
    asked.received.forEach(receive);
    asked.listener = receive;
  };
  window.__dubanBoot = early(paths, ask, shellPainter(view, paths.length));
} else if (csrf && paths.length && typeof Worker === 'function') {
  // Another page with early GETs (the 总台账): the app starts now, so its requests go to a worker.
  window.__dubanBoot = early(paths, (receive, failed) => {
    const worker = new Worker(new URL('./boot-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<BootMessage>) => receive(e.data);
    worker.onerror = failed;
    worker.postMessage({ csrf, paths });
  });
  startApp();
} else {
  if (csrf && !location.pathname.startsWith('/app/ack/')) window.__dubanBoot = { session: refreshHere(csrf) };
  startApp();
}

/**
 * Runs the app's code. The built page only preloads it (apps/web/vite.config.mts) and names it here,
 * so that while the boot script waits for the 工作台's answers the main thread stays free to read them
 * and paint: evaluating the app first would hold the paint back by as long as the app takes to start.
 * In development the page runs the app itself (no name given).
 */
function startApp(): void {
  const app = document.querySelector<HTMLMetaElement>('meta[name="duban-app"]');
  if (!app || app.dataset.started) return;
  app.dataset.started = '1';
  void import(/* @vite-ignore */ app.content);
}

function refreshHere(csrf: string): Promise<Response | null> {
  return postRefresh(csrf).catch(() => null);
}

/**
 * The session and the page's first GETs as the app will look them up (api/prefetched.ts), from
 * whoever asks for them (`ask`: this thread or the boot worker). Should asking fail outright, the
 * session is restored here and the app asks for its data itself.
 */
function early(paths: string[], ask: (receive: (m: BootMessage) => void, failed: () => void) => void, paint: (index: number, a: Answer | null) => void = () => undefined): BootData {
  const response = (a: Answer | null) => (a ? new Response(a.body, { status: a.status, headers: { 'content-type': 'application/json' } }) : null);
  let settleSession!: (r: Promise<Response | null> | Response | null) => void;
  const settlers: ((r: Response | null) => void)[] = [];
  const session = new Promise<Response | null>((resolve) => (settleSession = resolve));
  const prefetched = new Map(paths.map((p) => [p, new Promise<Response | null>((resolve) => settlers.push(resolve))]));
  let sessionBack = false;
  ask(
    (m) => {
      if ('session' in m) {
        sessionBack = true;
        settleSession(response(m.session));
        paint(-1, m.session);
      } else {
        settlers[m.index](response(m.answer));
        paint(m.index, m.answer);
      }
    },
    () => {
      if (!sessionBack) settleSession(refreshHere(csrf!));
      settlers.forEach((s) => s(null));
      startApp();
    },
  );
  return { session, prefetched };
}

/**
 * On the 工作台: once the session and the three answers are in, paint the page from them
 * (workbench-shell.ts, preloaded by the page) and then start the app, which takes the page over.
 */
function shellPainter(view: { tab: string }, answersExpected: number): (index: number, a: Answer | null) => void {
  const shell = import('./workbench-shell');
  const bodies = new Map<number, unknown>();
  // A slow API should not keep the app's header and menu away: past this, the app starts anyway.
  const patience = setTimeout(startApp, APP_PATIENCE_MS);
  const done = () => {
    clearTimeout(patience);
    startApp();
  };
  return (index, a) => {
    if (!a || a.status !== 200) return done(); // the app says what went wrong, in its own words
    try {
      bodies.set(index, JSON.parse(a.body));
    } catch {
      return done();
    }
    if (bodies.size !== answersExpected + 1) return;
    const [session, counts, list, unread] = [-1, 0, 1, 2].map((i) => bodies.get(i)) as [{ user: ShellData['user'] }, ShellData['counts'], ShellData['list'], { unread: number }];
    void shell
      .then((m) => m.paintWorkbenchShell({ tab: view.tab, user: session.user, counts, list, unread: unread.unread }))
      .catch(() => undefined)
      .finally(done);
  };
}
