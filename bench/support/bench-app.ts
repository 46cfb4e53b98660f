// Shared by the benchmarks: a fresh schema with the real AppModule on 127.0.0.1, and 100k items
// seeded in SQL (generate_series), so every bench measures the same data.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { stopEmbeddedDatabase } from '@app/persistence';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** BENCH_EMBEDDED=1: the embedded PGlite a default `npm start` uses, in a temporary DATA_DIR, instead of the server. */
export const BENCH_EMBEDDED = process.env.BENCH_EMBEDDED === '1';

export interface BenchApi {
  app: INestApplication;
  ds: DataSource;
  /** http://127.0.0.1:<port> */
  base: string;
  schema: string;
  /** Logs in over HTTP and returns the access token. */
  login(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * BENCH_SCHEMA=<name>: keep the seeded schema under this name instead of dropping it, and reuse it when it
 * already holds BENCH_TASKS items, so the report, list and load benches share one 1M seed (minutes each).
 */
const KEPT_SCHEMA = process.env.BENCH_SCHEMA;
if (KEPT_SCHEMA !== undefined && !/^[a-z_][a-z0-9_]*$/.test(KEPT_SCHEMA)) throw new Error(`BENCH_SCHEMA must be a lower-case SQL name, got "${KEPT_SCHEMA}"`);

/** Boots the API in-process on a fresh schema (dropped by close()), or on a fresh embedded database; logs are silenced. */
export async function startBenchApi(): Promise<BenchApi> {
  if (BENCH_EMBEDDED) return startEmbeddedBenchApi();
  const schema = KEPT_SCHEMA ?? `bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${KEPT_SCHEMA ? 'IF NOT EXISTS ' : ''}${schema}`);
  process.env.DATABASE_URL = BENCH_DATABASE_URL;
  process.env.DATABASE_SCHEMA = schema;
  process.env.QUEUE_PREFIX = `bench${schema}`;
  return boot(schema, async () => {
    if (!KEPT_SCHEMA) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });
}

/** The API on the embedded database (PGlite behind its socket server), as `npm start` runs without DATABASE_URL. */
async function startEmbeddedBenchApi(): Promise<BenchApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-bench-'));
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_SCHEMA;
  process.env.DATA_DIR = dataDir;
  process.env.QUEUE_PREFIX = `bench${randomBytes(4).toString('hex')}`;
  return boot(`embedded ${dataDir}`, async () => {
    await stopEmbeddedDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

/**
 * Waits until no request still holds or waits for a database connection (at most 10 s). autocannon
 * stops with requests in flight whose handlers go on after their sockets close; closing the app under
 * them released their busy connections to the pool, which handed them out again (pg's warning "Calling
 * client.query() when the client is already executing a query", once per run at 50 connections).
 */
async function settled(ds: DataSource): Promise<void> {
  const pool = (ds.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
  if (!pool) return;
  const end = Date.now() + 10_000;
  for (let quiet = 0; quiet < 5 && Date.now() < end; ) {
    quiet = pool.idleCount === pool.totalCount && pool.waitingCount === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts the AppModule on 127.0.0.1 with the settings in process.env; `cleanUp` runs after it closes (or fails to start). */
async function boot(schema: string, cleanUp: () => Promise<void>): Promise<BenchApi> {
  process.env.LOG_LEVEL = 'silent';
  // One client from one address logs in and refreshes hundreds of times a minute here: the per-address
  // limit on auth routes (AUTH_RATE_LIMIT, 30/min) guards against guessing, not against a benchmark.
  process.env.AUTH_RATE_LIMIT = '10000';
  let app: INestApplication | null = null;
  const drop = async () => {
    if (app) await settled(app.get(DataSource));
    await app?.close();
    await cleanUp();
  };
  try {
    app = await NestFactory.create(AppModule, { bufferLogs: true });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
  } catch (e) {
    await drop();
    throw e;
  }
  return api(app, schema, drop);
}

function api(app: INestApplication, schema: string, close: () => Promise<void>): BenchApi {
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    app,
    ds: app.get(DataSource),
    base,
    schema,
    async login(username, password) {
      const res = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    close,
  };
}

/** 100k items in every state across 10 plans and 40 units, with assignments, progress and reminders; all in SQL. */
export async function seedTasks(ds: DataSource, tasks: number): Promise<void> {
  if (KEPT_SCHEMA) {
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM tasks`)) as { n: number }[];
    if (n === tasks) return console.log(`BENCH_SCHEMA ${KEPT_SCHEMA}: reusing its ${n} items`);
    if (n > 0) throw new Error(`BENCH_SCHEMA ${KEPT_SCHEMA} holds ${n} items, not ${tasks}: drop it or name another`);
  }
  await ds.query(`INSERT INTO units (code, name) SELECT 'u' || i, '单位' || i FROM generate_series(1, 40) i`);
  await ds.query(
    `INSERT INTO plans (title, year, period_start, period_end, content_hash)
     SELECT '计划' || i, 2025, date '2025-01-01', date '2026-12-31', 'bench-' || i FROM generate_series(1, 10) i`,
  );
  await ds.query(
    `INSERT INTO plan_targets (plan_id, code, text, indicators)
     SELECT p.id, 't' || g, '目标' || g, jsonb_build_array(jsonb_build_object('name', '指标' || g, 'value', 100, 'unit', '项', 'comparator', '>=', 'deadline', null))
       FROM plans p CROSS JOIN generate_series(1, 5) g`,
  );
  // Deadlines spread a year either side of now; statuses cycle through every state.
  await ds.query(
    `WITH p AS (SELECT array_agg(id ORDER BY title) AS ids FROM plans)
     INSERT INTO tasks (plan_id, code, title, original_due_at, due_at, status, progress, created_at, submitted_at, completed_at,
                        extension_approved_at, last_progress_at, indicators)
     SELECT p.ids[1 + i % 10], 'T' || i, '事项' || i,
            now() + ((i % 730) - 365) * interval '1 day',
            now() + ((i % 730) - 365 + CASE WHEN i % 17 = 0 THEN 30 ELSE 0 END) * interval '1 day',
            (ARRAY['assigned','acknowledged','in_progress','submitted','returned','completed','completed','in_progress','suspended','cancelled'])[1 + i % 10],
            (i * 7) % 101,
            now() - interval '400 days' + (i % 30) * interval '1 day',
            CASE WHEN i % 10 IN (3, 5, 6) THEN now() + ((i % 730) - 370) * interval '1 day' END,
            CASE WHEN i % 10 IN (5, 6) THEN now() + ((i % 730) - 365 + (i % 11) - 5) * interval '1 day' END,
            CASE WHEN i % 17 = 0 THEN now() + ((i % 730) - 380) * interval '1 day' END,
            now() - (i % 60) * interval '1 day',
            CASE WHEN i % 20 = 0 THEN jsonb_build_array(jsonb_build_object('name', '指标', 'value', 50, 'unit', '个', 'comparator', '>=', 'deadline', null)) ELSE '[]'::jsonb END
       FROM generate_series(1, $1) i CROSS JOIN p`,
    [tasks],
  );
  await ds.query(
    `WITH u AS (SELECT array_agg(id ORDER BY code) AS ids FROM units)
     INSERT INTO assignments (task_id, unit_id, role, status, progress, acknowledged_at, last_progress_at, created_at)
     SELECT t.id, u.ids[1 + ((n + r.shift) % 40)], r.role, 'in_progress', t.progress,
            CASE WHEN n % 5 <> 0 THEN t.created_at + (n % 7) * interval '1 day' END, t.last_progress_at, t.created_at
       FROM (SELECT id, progress, created_at, last_progress_at, row_number() OVER (ORDER BY id) AS n FROM tasks) t
       CROSS JOIN u
       -- Shifted unit numbers give each role of an item a different unit.
       CROSS JOIN LATERAL (VALUES ('lead', 0), ('responsible', 13), ('assisting', 27)) AS r(role, shift)
       WHERE r.role <> 'assisting' OR n % 3 = 0`,
  );
  await ds.query(
    `INSERT INTO progress_reports (task_id, unit_id, percent, note, indicator_values, created_at)
     SELECT t.id, a.unit_id, t.progress, '进展' , jsonb_build_array(jsonb_build_object('name', '指标', 'value', t.progress)), t.last_progress_at
       FROM tasks t JOIN assignments a ON a.task_id = t.id AND a.role = 'lead'
      WHERE t.code ~ '[02468]$'`,
  );
  await ds.query(
    `INSERT INTO reminders (key, task_id, unit_id, kind, audience, reason, notice_level, channels, due_at, state, sent_at)
     SELECT 'k' || t.id || lv.level, t.id, a.unit_id, lv.kind, 'unit_head', 'deadline', lv.level, '{inbox}', t.due_at, 'sent', t.due_at
       FROM tasks t JOIN assignments a ON a.task_id = t.id AND a.role = 'lead'
       CROSS JOIN (VALUES ('blue', 'remind'), ('yellow', 'urge'), ('red', 'escalate')) AS lv(level, kind)
      WHERE t.due_at < now() AND t.code ~ '[05]$'`,
  );
  // VACUUM too: autovacuum visits a table after a bulk insert, and until then every index-only read
  // (a unit's assignments, the list's ids) still visits the heap: a state production leaves within minutes.
  await analyzeOwnSchema(ds, true);
}

/**
 * ANALYZE the bench's own tables only: a bare ANALYZE walks every schema of the database, including
 * other benches' and tests' running at the same time (their expression indexes need their own search_path).
 */
export async function analyzeOwnSchema(ds: DataSource, vacuum = false): Promise<void> {
  const tables = (await ds.query(`SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = current_schema()`)) as { t: string }[];
  await ds.query(`${vacuum ? 'VACUUM ' : ''}ANALYZE ${tables.map((r) => r.t).join(', ')}`);
}
