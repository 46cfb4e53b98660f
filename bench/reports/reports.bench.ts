// Report latency over HTTP with 100k items in PostgreSQL, against GET /health in the same run.
// Run: npx ts-node -r tsconfig-paths/register bench/reports/reports.bench.ts
// Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), BENCH_TASKS (100000),
//      BENCH_SECONDS (5 per endpoint), BENCH_CONNECTIONS (10). Talks to 127.0.0.1 only.
/// <reference path="./autocannon.d.ts" />
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

/** 100k items in every state across 10 plans and 40 units, with assignments, progress and reminders; all in SQL. */
async function seed(ds: DataSource): Promise<void> {
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
    [TASKS],
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
  await ds.query(`ANALYZE`);
}

async function measure(base: string, path: string, token: string) {
  const r = await autocannon({
    url: `${base}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${token}` },
  });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average };
}

async function main(): Promise<void> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: URL_ });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  let app: INestApplication | null = null;
  try {
    process.env.DATABASE_URL = URL_;
    process.env.DATABASE_SCHEMA = schema;
    process.env.QUEUE_PREFIX = `bench${schema}`;
    process.env.LOG_LEVEL = 'silent';
    app = await NestFactory.create(AppModule, { bufferLogs: true });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const base = `http://127.0.0.1:${port}`;
    const ds = app.get(DataSource);
    const t0 = Date.now();
    await seed(ds);
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM tasks`)) as { n: number }[];
    console.log(`seeded ${n} tasks in ${((Date.now() - t0) / 1000).toFixed(1)} s (schema ${schema})`);
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'duban-admin' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };

    const paths = [
      '/reports/summary',
      '/reports/summary?planId=' + ((await ds.query(`SELECT id FROM plans ORDER BY title LIMIT 1`)) as { id: string }[])[0].id,
      '/reports/units',
      '/reports/appraisal',
      '/reports/people',
      '/reports/overdue',
      '/reports/indicators',
      '/reports/trend?interval=week',
      '/reports/trend?interval=month',
      '/reports/units?format=xlsx',
      '/tasks?overdue=true',
    ];
    const health = await measure(base, '/health', accessToken);
    console.log(`${'GET /health'.padEnd(44)} p50 ${health.p50.toFixed(1).padStart(7)} ms  p99 ${health.p99.toFixed(1).padStart(7)} ms  ${health.rps.toFixed(0)} req/s`);
    for (const path of paths) {
      const m = await measure(base, path, accessToken);
      console.log(
        `${('GET ' + path.replace(/planId=[0-9a-f-]+/, 'planId=…')).padEnd(44)} p50 ${m.p50.toFixed(1).padStart(7)} ms  p99 ${m.p99.toFixed(1).padStart(7)} ms  ` +
          `${m.rps.toFixed(0).padStart(5)} req/s  ratio p50 ${(m.p50 / Math.max(health.p50, 0.1)).toFixed(1)}x  p99 ${(m.p99 / Math.max(health.p99, 0.1)).toFixed(1)}x`,
      );
    }
  } finally {
    await app?.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
