import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRY, freePort, runApp, waitFor200 } from '../support/processes';

/** The smoke suite on the embedded database (PGlite): demo load, then the API reads it back. */
describe('demo on the embedded PostgreSQL', () => {
  it('loads the seed plans and serves them to the demo supervisor', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'duban-demo-'));
    try {
      const demo = runApp(ENTRY.cli, { DATA_DIR: dataDir }, ['demo']);
      expect((await demo.exited).code).toBe(0);
      expect(demo.stderr()).toMatch(/002_[0-9a-f]+\.txt: 30 tasks/);

      const port = await freePort();
      const api = runApp(ENTRY.api, { DATA_DIR: dataDir, PORT: String(port) });
      try {
        await waitFor200(`http://127.0.0.1:${port}/health`, api, 60_000);
        const login = await fetch(`http://127.0.0.1:${port}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'supervisor', password: 'duban-demo' }),
        });
        const { accessToken } = (await login.json()) as { accessToken: string };
        const res = await fetch(`http://127.0.0.1:${port}/tasks?limit=1`, { headers: { authorization: `Bearer ${accessToken}` } });
        expect(res.status).toBe(200);
        expect(((await res.json()) as { total: number }).total).toBe(8 + 18 + 30 + 22 + 18 + 6);
      } finally {
        api.proc.kill('SIGTERM');
        expect((await api.exited).code).toBe(0);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
