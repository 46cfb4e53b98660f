// Report latency over HTTP with 100k items in PostgreSQL, against GET /health in the same run.
// Run: npx ts-node -r tsconfig-paths/register bench/reports/reports.bench.ts
// Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), BENCH_TASKS (100000),
//      BENCH_SECONDS (5 per window), BENCH_CONNECTIONS (10), BENCH_ROUNDS (3: each endpoint right after
//      GET /health, round after round; the ratios are the rounds' median). Talks to 127.0.0.1 only.
//      BENCH_REPORT_CACHE (seconds; default the API's 10): 0 measures the SQL alone, without the report cache.
//      BENCH_ONLY (comma-separated parts of paths, e.g. appraisal,xlsx): only the endpoints whose path holds one.
import { ReportCache } from '../../apps/api/src/reports/report-cache';
import { seedTasks, startBenchApi } from '../support/bench-app';
import { measureAgainstHealth, printPaired } from '../support/paired-get';

const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const label = (path: string) => 'GET ' + path.replace(/planId=[0-9a-f-]+/, 'planId=…');

async function main(): Promise<void> {
  const api = await startBenchApi();
  try {
    const { ds, base } = api;
    const t0 = Date.now();
    await seedTasks(ds, TASKS);
    const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM tasks`)) as { n: number }[];
    const cache = api.app.get(ReportCache);
    if (process.env.BENCH_REPORT_CACHE !== undefined) cache.seconds = Number(process.env.BENCH_REPORT_CACHE);
    console.log(`report cache: ${cache.seconds > 0 ? `${cache.seconds} s` : 'off'}`);
    console.log(`seeded ${n} tasks in ${((Date.now() - t0) / 1000).toFixed(1)} s (schema ${api.schema})`);
    const accessToken = await api.login('admin', 'duban-admin');
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
    ].filter((p) => !ONLY.length || ONLY.some((part) => p.includes(part)));
    printPaired(await measureAgainstHealth(base, paths, accessToken, { connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, label }), label);
  } finally {
    await api.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
