// The 总台账 and the 驾驶舱 with 100k items: time until their data shows, against the API calls behind it.
// Used by web.bench.ts (npm run bench:web); what the numbers mean: bench/web/README.md.
import { Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface RolePage {
  name: string;
  username: string;
  /** The page's address (under /app). */
  path: string;
  /** The performance.mark the page sets when its data is on screen. */
  mark: string;
  /** The calls that data needs, after the session refresh, as the page makes them (together). */
  calls: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Session {
  cookie: string;
  csrf: string;
}

async function openSession(base: string, username: string, password: string): Promise<Session> {
  const r = await fetch(`${base}/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!r.ok) throw new Error(`session ${username}: ${r.status}`);
  const set = r.headers.getSetCookie();
  return {
    cookie: set.find((c) => c.startsWith('duban_refresh='))!.split(';')[0],
    csrf: decodeURIComponent(set.find((c) => c.startsWith('duban_csrf='))!.split(';')[0].split('=')[1]),
  };
}

/** The baseline: refresh the session, then the page's data calls together, from Node over HTTP. */
async function apiTime(base: string, s: Session, calls: string[]): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(`${base}/auth/session/refresh`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
  if (!r.ok) throw new Error(`refresh ${r.status}`);
  s.cookie = r.headers.getSetCookie().find((c) => c.startsWith('duban_refresh='))!.split(';')[0];
  const { accessToken } = (await r.json()) as { accessToken: string };
  await Promise.all(
    calls.map(async (path) => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
      if (!res.ok) throw new Error(`${path} ${res.status}`);
      await res.json();
    }),
  );
  return performance.now() - t0;
}

/** Median page time (nothing cached, then scripts cached) and API time over `runs`. */
export async function timeRolePage(browser: Browser, base: string, password: string, p: RolePage, runs: number) {
  const s = await openSession(base, p.username, password);
  const host = new URL(base).hostname;
  const api: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    api.push(await apiTime(base, s, p.calls));
    const ctx = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
    await ctx.addCookies([
      { name: 'duban_refresh', value: s.cookie.split('=')[1], domain: host, path: '/auth/session', httpOnly: true, sameSite: 'Strict' },
      { name: 'duban_csrf', value: encodeURIComponent(s.csrf), domain: host, path: '/', sameSite: 'Strict' },
    ]);
    const page = await ctx.newPage();
    for (const times of [cold, warm]) {
      await page.goto(`/app${p.path}`);
      await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, p.mark, { timeout: 120_000 });
      times.push(await page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, p.mark));
    }
    s.cookie = `duban_refresh=${(await ctx.cookies()).find((c) => c.name === 'duban_refresh')!.value}`;
    await ctx.close();
  }
  return { api: median(api), cold: median(cold), warm: median(warm) };
}

/** The gzip size of a page's own chunk and of the chunks only it imports (not the entry's). */
export function chunkSize(dist: string, manifest: Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }>, key: string): number {
  const entry = Object.values(manifest).find((m) => m.isEntry)!;
  const shared = new Set([entry.file, ...(entry.imports ?? []).map((k) => manifest[k].file)]);
  const files = new Set<string>();
  const walk = (k: string) => {
    const m = manifest[k];
    if (!m || shared.has(m.file) || files.has(m.file)) return;
    files.add(m.file);
    (m.imports ?? []).forEach(walk);
  };
  walk(key);
  return [...files].reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
}
