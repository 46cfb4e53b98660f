// The first script of every page, run before the app's code has even downloaded: it restores the
// session from the refresh cookie and, on the 工作台, asks for the page's data at once, so the
// API works while the browser is still parsing the app (bench/web measures the difference).
import { BootData, CSRF_COOKIE, readCookie, REFRESH_LOCK, workbenchView, WORKBENCH_PAGE_SIZE } from './early';

const csrf = readCookie(CSRF_COOKIE);
if (csrf && !location.pathname.startsWith('/app/ack/')) {
  const refresh = () =>
    fetch('/auth/session/refresh', { method: 'POST', headers: { 'x-csrf-token': csrf, accept: 'application/json' }, credentials: 'same-origin' });
  // One tab at a time: the refresh token rotates (see auth/session.ts).
  const session = (navigator.locks ? navigator.locks.request(REFRESH_LOCK, refresh) : refresh()).catch(() => null);
  const boot: BootData = { session };
  const view = workbenchView(location);
  if (view) {
    boot.workbench = session.then(async (res) => {
      if (!res?.ok) return null;
      const { accessToken } = (await res.clone().json()) as { accessToken: string };
      const get = (path: string) => fetch(path, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
      const [counts, list, unread] = await Promise.all([
        get('/me/tasks/counts'),
        get(`/me/tasks?tab=${view.tab}&page=${view.page}&limit=${WORKBENCH_PAGE_SIZE}`),
        get('/me/notifications?limit=1'),
      ]);
      return { ...view, counts, list, unread };
    });
    boot.workbench.catch(() => null);
  }
  window.__dubanBoot = boot;
}
