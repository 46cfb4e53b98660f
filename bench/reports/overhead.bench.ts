// What a request costs besides its report SQL: requests one at a time (no queueing), per endpoint the
// wall time, this process's CPU (the API and the HTTP client share it) and the SQL statements sent,
// each against GET /health measured in the same run.
// Run: npx ts-node -T -r tsconfig-paths/register bench/reports/overhead.bench.ts
// Env: BENCH_TASKS (10000), BENCH_REQUESTS (300 per endpoint), BENCH_PATHS (comma-separated, default below).
import { Client } from 'pg';
import { ReportCache } from '../../apps/api/src/reports/report-cache';
import { seedTasks, startBenchApi } from '../support/bench-app';

const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const PATHS = (process.env.BENCH_PATHS ?? '/reports/trend?interval=month,/reports/people,/reports/overdue,/tasks?overdue=true').split(',');

/** Counts every statement any pg client sends: the API's pool, the bench's own queries excluded by timing. */
let statements = 0;
const query = Client.prototype.query as (...a: unknown[]) => unknown;
(Client.prototype as unknown as { query: unknown }).query = function (this: Client, ...a: unknown[]) {
  statements++;
  return query.apply(this, a);
};

async function main(): Promise<void> {
  const api = await startBenchApi();
  try {
    await seedTasks(api.ds, TASKS);
    api.app.get(ReportCache).seconds = 0;
    const token = await api.login('admin', 'duban-admin');
    const get = (path: string) => fetch(api.base + path, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.arrayBuffer());
    let health: { wall: number; cpu: number } | undefined;
    for (const path of ['/health', ...PATHS]) {
      for (let i = 0; i < 50; i++) await get(path); // warm: JIT, pool, statement plans
      statements = 0;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < REQUESTS; i++) await get(path);
      const wall = (performance.now() - t0) / REQUESTS;
      const used = process.cpuUsage(c0);
      const cpu = (used.user + used.system) / 1000 / REQUESTS;
      health ??= { wall, cpu };
      console.log(
        `${path.padEnd(36)} ${wall.toFixed(2).padStart(6)} ms/request  node CPU ${cpu.toFixed(2).padStart(5)} ms/request  ` +
          `${(statements / REQUESTS).toFixed(1)} statements/request  × health: wall ${(wall / health.wall).toFixed(2)}, CPU ${(cpu / health.cpu).toFixed(2)}`,
      );
    }
  } finally {
    await api.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
