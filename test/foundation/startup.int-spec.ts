import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, TEST_DATABASE_URL } from '../support/database';
import { ENTRY, freePort, runApp, waitFor200 } from '../support/processes';

type HealthBody = { details: Record<string, { status: string; workers?: number }> };

describe('API and worker processes', () => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>;

  beforeAll(async () => {
    schema = await createTestSchema();
  });
  afterAll(async () => {
    await schema.drop();
  });

  it('serves GET /health (database and Redis up) on the PostgreSQL server and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const api = runApp(ENTRY.api, { PORT: String(port), DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema.schema });
    const res = await waitFor200(`http://127.0.0.1:${port}/health`, api);
    const body = (await res.json()) as HealthBody;
    expect(body.details.database.status).toBe('up');
    expect(body.details.redis.status).toBe('up');
    api.proc.kill('SIGTERM');
    expect(await api.exited).toEqual({ code: 0, signal: null });
  });

  it('runs on the embedded PostgreSQL when DATABASE_URL is unset, and reopens it from disk', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'duban-embedded-'));
    try {
      for (let round = 0; round < 2; round++) {
        const port = await freePort();
        const api = runApp(ENTRY.api, { PORT: String(port), DATA_DIR: dataDir });
        const res = await waitFor200(`http://127.0.0.1:${port}/health`, api);
        expect(((await res.json()) as HealthBody).details.database.status).toBe('up');
        api.proc.kill('SIGTERM');
        expect((await api.exited).code).toBe(0);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.each([
    ['PORT', 'not-a-port', /PORT must be an integer/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL must be a redis:\/\//],
  ])('stops with one line naming %s when it is wrong', async (name, value, message) => {
    const api = runApp(ENTRY.api, { [name]: value, DATABASE_URL: TEST_DATABASE_URL });
    const { code } = await api.exited;
    expect(code).toBe(1);
    expect(api.stderr()).toMatch(message);
    expect(api.stderr().trim().split('\n')).toHaveLength(1);
    expect(api.stderr()).not.toMatch(/\s+at\s/); // no stack trace
  });

  it('stops with one line when Redis does not answer', async () => {
    const deadPort = await freePort();
    const api = runApp(ENTRY.api, {
      REDIS_URL: `redis://127.0.0.1:${deadPort}`,
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema.schema,
    });
    expect((await api.exited).code).toBe(1);
    const lines = api.stderr().trim().split('\n').filter((l) => !l.startsWith('{'));
    expect(lines).toEqual([expect.stringMatching(new RegExp(`cannot reach Redis at REDIS_URL=redis://127.0.0.1:${deadPort}`))]);
  });

  it('worker: sends a heartbeat that GET /health/worker sees, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const prefix = `t${Date.now()}`;
    const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema.schema, QUEUE_PREFIX: prefix };
    const api = runApp(ENTRY.api, { ...env, PORT: String(port) });
    await waitFor200(`http://127.0.0.1:${port}/health`, api);
    const before = await fetch(`http://127.0.0.1:${port}/health/worker`);
    expect(before.status).toBe(503);
    const worker = runApp(ENTRY.worker, env);
    const res = await waitFor200(`http://127.0.0.1:${port}/health/worker`, worker);
    expect(((await res.json()) as HealthBody).details.worker.workers).toBe(1);
    worker.proc.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    api.proc.kill('SIGTERM');
    await api.exited;
  });
});
