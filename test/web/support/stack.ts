import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { ENTRY, freePort, runApp, Running, waitFor200 } from '../../support/processes';
import { SmtpSink } from '../../support/smtp-sink';

// The real services the browser tests drive: the compiled API (serving the built web app) and
// worker as child processes, on a PostgreSQL schema and Redis prefix of their own, mail going to
// an in-process SMTP sink. No @app/* imports here: Playwright's loader does not emit decorator metadata.

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const root = join(__dirname, '..', '..', '..');
export const DEMO_PASSWORD = 'duban-demo';
export const ADMIN = { username: 'admin', password: 'duban-admin' };

export interface Stack {
  url: string;
  sink: SmtpSink;
  /** A query on the stack's schema. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  api: ApiClient;
  stop(): Promise<void>;
}

export class ApiClient {
  private tokens = new Map<string, string>();
  constructor(readonly url: string) {}

  async token(username: string, password = username === ADMIN.username ? ADMIN.password : DEMO_PASSWORD): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const res = await fetch(`${this.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const { accessToken } = (await res.json()) as { accessToken: string };
    this.tokens.set(username, accessToken);
    return accessToken;
  }

  /** A JSON call as `username`; throws with the answer unless it is 2xx. */
  async call<T = Record<string, unknown>>(username: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.token(username)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} as ${username}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Uploads a plan document as the supervisor, commits it, and returns its items by code. */
  async importPlan(document: string, fileName: string, username = 'supervisor'): Promise<{ planId: string; tasks: Record<string, { id: string; version: number }> }> {
    const form = new FormData();
    form.append('file', new Blob([document], { type: 'text/plain' }), fileName);
    const res = await fetch(`${this.url}/imports`, { method: 'POST', headers: { authorization: `Bearer ${await this.token(username)}` }, body: form });
    if (!res.ok) throw new Error(`import: ${res.status} ${await res.text()}`);
    const { importId } = (await res.json()) as { importId: string };
    const { planId } = await this.call<{ planId: string }>(username, 'POST', `/imports/${importId}/commit`);
    const list = await this.call<{ items: { id: string; code: string; version: number }[] }>(username, 'GET', `/tasks?planId=${planId}&limit=200`);
    return { planId, tasks: Object.fromEntries(list.items.map((t) => [t.code, { id: t.id, version: t.version }])) };
  }
}

/** Starts everything; about 10 s. */
export async function startStack(): Promise<Stack> {
  const schema = `t_web_${Math.random().toString(16).slice(2, 10)}`;
  const db = new Client({ connectionString: DATABASE_URL, options: `-c search_path=${schema}` });
  await db.connect();
  await db.query(`CREATE SCHEMA ${schema}`);
  const sink = await SmtpSink.start();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    QUEUE_PREFIX: schema,
    REDIS_URL,
    SMTP_URL: sink.url,
    PUBLIC_URL: url,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    SWEEP_EVERY_SECONDS: '1',
    RETRY_BACKOFF_MS: '300',
    TZ: 'Asia/Shanghai',
    // The tests' stand-in chat robot (support/robot.ts) listens on loopback.
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  };
  const running: Running[] = [];
  const redis = new IORedis(REDIS_URL, { lazyConnect: true });
  const stop = async () => {
    for (const p of running) if (p.proc.exitCode === null && p.proc.signalCode === null) p.proc.kill('SIGTERM');
    await Promise.all(running.map((p) => p.exited));
    await sink.stop();
    await redis.connect().catch(() => undefined);
    const keys = await redis.keys(`${schema}:*`).catch(() => [] as string[]);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.end();
  };
  try {
    // Units, the admin and the demo users (README), and one plan with deadlines ahead.
    const seeds = mkdtempSync(join(tmpdir(), 'duban-web-seeds-'));
    copyFileSync(join(root, 'seeds/units.json'), join(seeds, 'units.json'));
    copyFileSync(join(root, 'seeds/demo_2027_tasks.txt'), join(seeds, 'demo_2027_tasks.txt'));
    const demo = runApp(ENTRY.cli, env, ['demo', '--seeds', seeds]);
    const { code } = await demo.exited;
    rmSync(seeds, { recursive: true, force: true });
    if (code !== 0) throw new Error(`demo load failed: ${demo.stderr()} ${demo.stdout()}`);
    const api = runApp(ENTRY.api, env);
    running.push(api);
    running.push(runApp(ENTRY.worker, env));
    // A loaded machine (CI shares two cores) can take over a minute to start both; the fixture allows 180 s.
    await waitFor200(`${url}/health`, api, 120_000);
    await waitFor200(`${url}/health/worker`, running[1], 60_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    url,
    sink,
    sql: async (text, params) => (await db.query(text, params)).rows,
    api: new ApiClient(url),
    stop,
  };
}
