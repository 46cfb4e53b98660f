// GET /tasks with each documented filter and each sort, one at a time, at 50 connections (issue #18's
// bar for lists: p99 ≤ 5× GET /health), against GET /health measured in the same run.
// Run: npx ts-node -r tsconfig-paths/register bench/load/tasks.bench.ts
// Env: BENCH_DATABASE_URL, BENCH_TASKS (100000), BENCH_SECONDS (5 per window), BENCH_CONNECTIONS (50),
//      BENCH_ROUNDS (3: each list right after GET /health, round after round; the ratios are the rounds' median).
import { seedTasks, startBenchApi } from '../support/bench-app';
import { measureAgainstHealth, printPaired } from '../support/paired-get';

const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const label = (path: string) => `GET ${decodeURIComponent(path).replace(/=[0-9a-f-]{36}/, '=…')}`;

async function main(): Promise<void> {
  const api = await startBenchApi();
  try {
    const { ds, base } = api;
    const t0 = Date.now();
    await seedTasks(ds, TASKS);
    console.log(`seeded ${TASKS} tasks in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${CONNECTIONS} connections, ${SECONDS} s windows, ${ROUNDS} rounds`);
    const token = await api.login('admin', 'duban-admin');
    const [{ plan }] = (await ds.query(`SELECT id AS plan FROM plans ORDER BY title LIMIT 1`)) as { plan: string }[];
    const [{ unit }] = (await ds.query(`SELECT id AS unit FROM units ORDER BY code LIMIT 1`)) as { unit: string }[];
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const in30 = new Date(Date.now() + 8 * 3600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
    const paths = [
      '/tasks',
      ...['dueAt:desc', 'code:asc', 'code:desc', 'updatedAt:asc', 'updatedAt:desc'].map((s) => `/tasks?sort=${s}`),
      `/tasks?planId=${plan}`,
      `/tasks?unitId=${unit}`,
      '/tasks?status=in_progress',
      '/tasks?light=red',
      '/tasks?light=yellow',
      '/tasks?light=green',
      '/tasks?overdue=true',
      '/tasks?overdue=false',
      '/tasks?extensionPending=true',
      `/tasks?dueFrom=${today}&dueTo=${in30}`,
      `/tasks?q=${encodeURIComponent('事项123')}`,
      '/tasks?page=200',
    ];
    printPaired(await measureAgainstHealth(base, paths, token, { connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, label }), label);
  } finally {
    await api.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
