// The web app's first-load size and how long a staff member waits for the 工作台 with 100k items.
// Run: npm run bench:web   (BENCH_DATABASE_URL, BENCH_TASKS (100000), BENCH_RUNS (7), CHROMIUM_PATH)
// Talks to 127.0.0.1 only. What each number means: bench/web/README.md.
import { chromium, Browser, BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { hashPassword, UserRepository } from '@app/persistence';
import { seedTasks, startBenchApi } from '../support/bench-app';
import { chunkSize, RolePage, timeRolePage } from './role-pages';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildWeb } = require('../../scripts/build-if-stale');

const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** The tab timed: 办理中 holds most of a unit's items (the seed acknowledges every part). */
const TAB = 'in_progress';
const PASSWORD = 'bench-password-1';
const dist = join(__dirname, '..', '..', 'apps', 'web', 'dist');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** JS bytes the browser received (compressed, as sent) while `work` ran in a fresh context. */
async function jsReceived(browser: Browser, base: string, work: (ctx: BrowserContext) => Promise<void>): Promise<{ bytes: number; files: number }> {
  const ctx = await browser.newContext({ baseURL: base });
  let bytes = 0;
  let files = 0;
  ctx.on('requestfinished', async (req) => {
    if (!req.url().endsWith('.js')) return;
    const sizes = await req.sizes();
    bytes += sizes.responseBodySize;
    files++;
  });
  await work(ctx);
  await ctx.close();
  return { bytes, files };
}

async function logIn(ctx: BrowserContext, username: string) {
  const page = await ctx.newPage();
  await page.goto('/app/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await shown(page);
  return page;
}

/** The 工作台 shows data: the tab counts are in and the list (rows, or "none") is drawn. */
async function shown(page: import('@playwright/test').Page) {
  await page.locator('table.task-table tbody tr, .ant-empty').first().waitFor();
  await page.getByRole('tab', { name: /办理中（\d+）/ }).waitFor();
}

/** The calls the 工作台 makes on load, in its order: refresh the session (which names the user), then counts, the tab and the unread count together. */
async function apiCalls(base: string, cookie: string, csrf: string): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(`${base}/auth/session/refresh`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
  if (!r.ok) throw new Error(`refresh ${r.status}`);
  const next = r.headers.getSetCookie().find((c) => c.startsWith('duban_refresh='))!.split(';')[0];
  cookie = next;
  const { accessToken } = (await r.json()) as { accessToken: string };
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    if (!res.ok) throw new Error(`${path} ${res.status}`);
    await res.json();
  };
  await Promise.all([get('/me/tasks/counts'), get(`/me/tasks?tab=${TAB}&page=1&limit=20`), get('/me/notifications?limit=1')]);
  apiCalls.cookie = cookie;
  return performance.now() - t0;
}
apiCalls.cookie = '';

async function main(): Promise<void> {
  buildWeb();
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; imports?: string[]; isEntry?: boolean }>;
  const api = await startBenchApi();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const { ds, base } = api;
    const t0 = Date.now();
    await seedTasks(ds, TASKS);
    const [unit] = (await ds.query(`SELECT id, name FROM units WHERE code = 'u1'`)) as { id: string; name: string }[];
    for (const [username, roles] of [['bench.supervisor', ['supervisor']], ['bench.leader', ['leader']]] as const) {
      await api.app.get(UserRepository).createIfMissing({ username, displayName: username, email: null, passwordHash: await hashPassword(PASSWORD), unitId: null, roles: [...roles] });
    }
    await api.app.get(UserRepository).createIfMissing({ username: 'bench.staff', displayName: '基准承办人', email: null, passwordHash: await hashPassword(PASSWORD), unitId: unit.id, roles: ['staff'] });
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM assignments WHERE unit_id = $1`, [unit.id])) as { n: number }[];
    console.log(`seeded ${TASKS} items in ${((Date.now() - t0) / 1000).toFixed(1)} s; the staff member's unit (${unit.name}) is on ${n} of them`);

    // 1. What the first load costs, as the browser receives it (gzip)
    const login = await jsReceived(browser, base, async (ctx) => {
      const page = await ctx.newPage();
      await page.goto('/app/login');
      await page.getByRole('button', { name: '登录' }).waitFor();
    });
    const workbench = await jsReceived(browser, base, async (ctx) => void (await logIn(ctx, 'bench.staff')));
    console.log(`\nfirst load, JavaScript received (gzip), goal ≤ 300 KB:`);
    console.log(`  login page            ${kb(login.bytes).padStart(9)}  (${login.files} files)`);
    console.log(`  login → 工作台 with data ${kb(workbench.bytes).padStart(9)}  (${workbench.files} files)`);
    const lazy = ['src/pages/TaskPage.tsx', 'src/pages/InboxPage.tsx', 'src/pages/SettingsPage.tsx', 'src/pages/AckPage.tsx'];
    console.log(`  loaded later, on their pages (own chunk, gzip): ${lazy
      .map((k) => `${k.replace('src/pages/', '').replace('.tsx', '')} ${kb(gzipSync(readFileSync(join(dist, manifest[k].file)), { level: 9 }).length)}`)
      .join(', ')}`);

    // 2. Time until the 工作台 shows data, against the API calls it makes
    const session = await fetch(`${base}/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.staff', password: PASSWORD }),
    });
    const setCookies = session.headers.getSetCookie();
    const csrf = decodeURIComponent(setCookies.find((c) => c.startsWith('duban_csrf='))!.split(';')[0].split('=')[1]);
    apiCalls.cookie = setCookies.find((c) => c.startsWith('duban_refresh='))!.split(';')[0];
    const pageTimes: number[] = [];
    const warmTimes: number[] = [];
    const pageWorking: number[] = [];
    const warmWorking: number[] = [];
    const apiTimes: number[] = [];
    const host = new URL(base).hostname;
    for (let i = 0; i < RUNS; i++) {
      apiTimes.push(await apiCalls(base, apiCalls.cookie, csrf));
      // a returning user: the session cookies, nothing cached (cold) — then the same page again (warm)
      const ctx = await browser.newContext({ baseURL: base });
      const token = apiCalls.cookie.split('=')[1];
      await ctx.addCookies([
        { name: 'duban_refresh', value: token, domain: host, path: '/auth/session', httpOnly: true, sameSite: 'Strict' },
        { name: 'duban_csrf', value: encodeURIComponent(csrf), domain: host, path: '/', sameSite: 'Strict' },
      ]);
      const page = await ctx.newPage();
      for (const [times, working] of [
        [pageTimes, pageWorking],
        [warmTimes, warmWorking],
      ]) {
        await page.goto(`/app/workbench?tab=${TAB}`);
        await shown(page);
        // The page's own clock from the start of the navigation: to the paint that put the data on screen (the
        // boot script's copy of the page, or the app's), and to the app's own page with it, which works.
        const [data, app] = await page.evaluate(() => ['duban:workbench-shown', 'duban:workbench-interactive'].map((m) => performance.getEntriesByName(m)[0].startTime));
        times.push(data);
        working.push(app);
        if (process.env.BENCH_TRACE && i === RUNS - 1) {
          const trace = await page.evaluate(() =>
            performance
              .getEntriesByType('resource')
              .map((e) => `${e.name.replace(location.origin, '').slice(0, 60)} ${e.startTime.toFixed(0)}→${(e as unknown as { responseEnd: number }).responseEnd.toFixed(0)}`)
              .concat(performance.getEntriesByType('mark').sort((x, y) => x.startTime - y.startTime).map((m) => `${m.name} ${m.startTime.toFixed(0)}`)),
          );
          console.log(trace.join('\n'));
        }
      }
      const cookies = await ctx.cookies();
      apiCalls.cookie = `duban_refresh=${cookies.find((c) => c.name === 'duban_refresh')!.value}`;
      await ctx.close();
    }
    const a = median(apiTimes);
    console.log(`\ntime until the 工作台 shows data (median of ${RUNS}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores), goal ≤ 1.5× its API calls:`);
    console.log(`  its API calls alone (refresh → counts ‖ tab ‖ unread)     ${a.toFixed(0).padStart(5)} ms  1.0×`);
    const line = (what: string, times: number[]) => `${what.padEnd(60)}${median(times).toFixed(0).padStart(5)} ms  ${(median(times) / a).toFixed(2)}×`;
    console.log(line('  page, nothing cached: data on screen', pageTimes));
    console.log(line('                        the app working', pageWorking));
    console.log(line('  page, scripts cached: data on screen', warmTimes));
    console.log(line('                        the app working', warmWorking));

    // 3. The 总台账 (supervisor) and the 驾驶舱 (leader) over every item
    const pages: RolePage[] = [
      { name: '总台账', username: 'bench.supervisor', path: '/ledger', mark: 'duban:ledger-shown', calls: ['/tasks?sort=dueAt:asc&page=1&limit=50'] },
      { name: '驾驶舱', username: 'bench.leader', path: '/cockpit', mark: 'duban:cockpit-shown', calls: ['/reports/summary?format=json'] },
    ];
    console.log(`\nthe 总台账 and the 驾驶舱 over all ${TASKS} items (median of ${RUNS}; load average ${loadavg()[0].toFixed(1)}), goal ≤ 1.5× their API calls:`);
    for (const p of pages) {
      const t = await timeRolePage(browser, base, PASSWORD, p, RUNS);
      console.log(`  ${p.name}: its API calls (refresh → ${p.calls.join(' ‖ ')}) ${t.api.toFixed(0)} ms 1.0×; page, nothing cached ${t.cold.toFixed(0)} ms ${(t.cold / t.api).toFixed(2)}×; scripts cached ${t.warm.toFixed(0)} ms ${(t.warm / t.api).toFixed(2)}×`);
    }
    const chunks = ['src/pages/LedgerPage.tsx', 'src/pages/CockpitPage.tsx', 'src/features/cockpit/EChart.tsx'];
    console.log(`  their lazily loaded chunks (gzip, with what only they import): ${chunks.map((k) => `${k.split('/').pop()!.replace('.tsx', '')} ${kb(chunkSize(dist, manifest, k))}`).join(', ')}`);
  } finally {
    await browser.close();
    await api.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
