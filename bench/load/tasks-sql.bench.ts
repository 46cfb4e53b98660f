// GET /tasks's queries (count and page) for each documented filter and sort, `main`'s way and this
// branch's alternately on one connection, on the bench data set VACUUM ANALYZEd (issue #18, fifth
// round of the list: `total` from the report counts). `main` counted every matching item (the
// overdue list alone from overdueCountSql); the page query is the same in both.
// Run: npx ts-node -T -r tsconfig-paths/register bench/load/tasks-sql.bench.ts
// Env: BENCH_DATABASE_URL, BENCH_TASKS (100000), BENCH_ROUNDS (9).
import { LightParams, TaskListFilter } from '@app/persistence';
import { overdueCountSql, taskListSql } from '../../libs/persistence/src/repositories/task.repository';
import { median, sqlBench } from '../support/sql-bench';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

sqlBench(async ({ ds, qr, run }) => {
  const now = new Date();
  const lp: LightParams = { now, yellowBefore: new Date(now.getTime() + 8 * 3600_000 + 4 * 86_400_000).toISOString().slice(0, 10), progressSlack: 10 };
  const [{ plan }] = (await ds.query(`SELECT id AS plan FROM plans ORDER BY title LIMIT 1`)) as { plan: string }[];
  const [{ unit }] = (await ds.query(`SELECT id AS unit FROM units ORDER BY code LIMIT 1`)) as { unit: string }[];
  const all = { visibility: { kind: 'all' as const } };
  const base: TaskListFilter = { scope: all, sort: 'dueAt', order: 'asc', offset: 0, limit: 20 };
  const cases: [string, Partial<TaskListFilter>][] = [
    ['/tasks', {}],
    ['?sort=code:desc', { sort: 'code', order: 'desc' }],
    ['?planId', { scope: { ...all, planId: plan } }],
    ['?unitId', { scope: { ...all, unitId: unit } }],
    ['?status=in_progress', { status: 'in_progress' }],
    ['?light=red', { light: 'red' }],
    ['?light=yellow', { light: 'yellow' }],
    ['?light=green', { light: 'green' }],
    ['?light=none', { light: 'none' }],
    ['?overdue=true', { overdue: true }],
    ['?overdue=false', { overdue: false }],
    ['?page=200', { offset: 3980 }],
  ];
  const before = async (f: TaskListFilter) => {
    const q = taskListSql(f, lp);
    const overdueOnly = f.overdue === true && !f.status && !f.q && !f.light && f.extensionPending === undefined;
    const [{ total }] = overdueOnly ? (await run<{ n: number }>(overdueCountSql(f.scope, lp.now))).map((r) => ({ total: r.n })) : await run<{ total: number }>(q.rowCount);
    return { total, rows: await run(q.page) };
  };
  const after = async (f: TaskListFilter) => {
    const q = taskListSql(f, lp);
    const [{ total }] = await run<{ total: number }>(q.count);
    return { total, rows: await run(q.page) };
  };
  const ways = { main: before, branch: after };
  const health: number[] = [];
  const times = cases.map(() => ({ main: [] as number[], branch: [] as number[], count: { main: [] as number[], branch: [] as number[] } }));
  for (const [name, c] of cases) {
    const f = { ...base, ...c };
    const [a, b] = [await before(f), await after(f)];
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${name}: different answers (${a.total} / ${b.total})`);
  }
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    await qr.query(`SELECT 1`);
    health.push(performance.now() - t);
    for (const [i, [, c]] of cases.entries()) {
      const f = { ...base, ...c };
      // Alternate which goes first, so neither always runs on the other's warmed cache.
      for (const way of round % 2 ? (['branch', 'main'] as const) : (['main', 'branch'] as const)) {
        t = performance.now();
        await ways[way](f);
        times[i][way].push(performance.now() - t);
        const q = taskListSql(f, lp);
        const overdueOnly = way === 'main' && f.overdue === true && !f.light && !f.status;
        t = performance.now();
        await run(way === 'main' ? (overdueOnly ? overdueCountSql(f.scope, lp.now) : q.rowCount) : q.count);
        times[i].count[way].push(performance.now() - t);
      }
    }
  }
  console.log(`SELECT 1: median ${median(health).toFixed(1)} ms over ${ROUNDS} rounds`);
  console.log(`${'list'.padEnd(22)} ${'main'.padStart(9)} ${'branch'.padStart(9)}   count: ${'main'.padStart(9)} ${'branch'.padStart(9)}  (ms, medians)`);
  for (const [i, [name]] of cases.entries()) {
    const m = times[i];
    const f = (x: number[]) => median(x).toFixed(1).padStart(9);
    console.log(`${name.padEnd(22)} ${f(m.main)} ${f(m.branch)}          ${f(m.count.main)} ${f(m.count.branch)}`);
  }
});
