import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRY, freePort, runApp, Running, waitFor200 } from '../support/processes';

/** The default a new user meets first: the demo on the embedded database (PGlite), read and written by the API. */
describe('demo on the embedded PostgreSQL', () => {
  let dataDir: string;
  let api: Running;
  let base: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'duban-demo-'));
    const demo = runApp(ENTRY.cli, { DATA_DIR: dataDir }, ['demo']);
    expect((await demo.exited).code).toBe(0);
    expect(demo.stderr()).toMatch(/002_[0-9a-f]+\.txt: 30 tasks/);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = runApp(ENTRY.api, { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' });
    await waitFor200(`${base}/health`, api, 180_000);
  }); // the suite timeout: the demo loads in seconds alone, minutes on a loaded machine

  afterAll(async () => {
    if (api) {
      api.proc.kill('SIGTERM');
      expect((await api.exited).code).toBe(0);
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const login = async (username: string): Promise<string> => {
    const res = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'duban-demo' }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const call = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });

  it('loads the seed plans and serves them to the demo supervisor', async () => {
    const res = await call('/tasks?limit=1', await login('supervisor'));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(8 + 18 + 30 + 22 + 18 + 6);
  });

  // PGlite has one session; interleaved clients once broke each other's statements and transactions
  // ("portal does not exist", 500s, and 401s for valid tokens).
  it('holds under a small office’s concurrent load: 20 progress reports, logins, list and report reads at once', async () => {
    const staff = await login('kjj.staff');
    const list = (await (await call('/tasks?limit=100&sort=dueAt:asc&status=assigned', staff)).json()) as {
      items: { id: string; version: number; leadUnits: string[] }[];
    };
    // Items 市科技局 leads, so its staff may acknowledge and report.
    const items = list.items.filter((t) => t.leadUnits.some((u) => u.includes('科学技术局'))).slice(0, 5);
    expect(items).toHaveLength(5);
    for (const t of items) {
      const ack = await call(`/tasks/${t.id}/transitions`, staff, { method: 'POST', body: JSON.stringify({ to: 'acknowledged', version: t.version }) });
      expect(ack.status).toBe(200);
    }

    const reports = Array.from({ length: 20 }, (_, i) =>
      call(`/tasks/${items[i % items.length].id}/progress`, staff, {
        method: 'POST',
        body: JSON.stringify({ percent: 10 + i, note: `并发报送 ${i}` }),
      }),
    );
    const logins = ['supervisor', 'leader', 'fgw.staff', 'kjj.head'].map((u) =>
      fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: u, password: 'duban-demo' }),
      }),
    );
    const reads = Array.from({ length: 10 }, () => call('/tasks?limit=50', staff));
    // The reports run as named statements on PostgreSQL; on PGlite's one session a second connection
    // preparing the same name would fail, so here they must go unnamed (DatabaseOptions.namedStatements).
    const leader = await login('leader');
    const reportReads = ['/reports/summary', '/reports/units', '/reports/appraisal', '/reports/summary', '/reports/units', '/reports/appraisal'].map((p) => call(p, leader));
    const results = await Promise.all([...reports, ...logins, ...reads, ...reportReads]);
    const statuses = results.map((r) => r.status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(201));
    expect(statuses.slice(20)).toEqual(Array(20).fill(200));

    // Every report was written: four per item.
    for (const t of items) {
      const history = (await (await call(`/tasks/${t.id}/history?limit=200`, staff)).json()) as { items: { action: string }[] };
      expect(history.items.filter((e) => e.action === 'task.progress_reported')).toHaveLength(4);
    }
  });
});
