// The summary report's SQL through another checkout (BENCH_BASE, e.g. main) and through this one,
// alternately in one process on one seeded, VACUUM ANALYZEd schema, the two results compared every
// round (issue #18, README "Sixth round"). Median (min–max) per variant; SELECT 1 as the baseline.
// Run: BENCH_BASE=/path/to/main npx ts-node -T -r tsconfig-paths/register bench/reports/summary.bench.ts
// Env: BENCH_DATABASE_URL, BENCH_TASKS (100000), BENCH_ROUNDS (9), BENCH_BASE (required).
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { summaryReport } from '../../libs/persistence/src/repositories/reports/summary.report';
import { reportInputs } from './report-inputs';
import { sqlBench } from '../support/sql-bench';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const BASE = process.env.BENCH_BASE;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[Math.floor(s.length / 2)].toFixed(1)} (${s[0].toFixed(1)}–${s[s.length - 1].toFixed(1)})`;
};

if (!BASE) throw new Error('BENCH_BASE: the checkout to compare with');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const base = require(join(BASE, 'libs/persistence/src/repositories/reports/summary.report')) as { summaryReport: typeof summaryReport };

sqlBench(async ({ ds, qr, run }) => {
  const { c, s, plan } = await reportInputs(ds);
  const cases: [string, (r: typeof summaryReport) => Promise<unknown>][] = [
    ['summary', (r) => r(run, s, c)],
    ['summary?planId', (r) => r(run, { ...s, planId: plan.id }, c)],
  ];
  const base1: number[] = [];
  const times = cases.map(() => ({ base: [] as number[], branch: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    await qr.query(`SELECT 1`);
    base1.push(performance.now() - t);
    for (const [i, [name, report]] of cases.entries()) {
      const out: Record<string, unknown> = {};
      // Alternate which goes first, so neither always runs on the other's warmed cache.
      for (const which of round % 2 ? (['branch', 'base'] as const) : (['base', 'branch'] as const)) {
        t = performance.now();
        out[which] = await report(which === 'base' ? base.summaryReport : summaryReport);
        times[i][which].push(performance.now() - t);
      }
      if (!isDeepStrictEqual(out.base, out.branch)) throw new Error(`${name} differs in round ${round}: ${JSON.stringify(out)}`);
    }
  }
  console.log(`SELECT 1: ${stats(base1)} ms over ${ROUNDS} rounds (results equal in every round)`);
  for (const [i, [name]] of cases.entries()) console.log(`${name.padEnd(16)} base ${stats(times[i].base)} ms  branch ${stats(times[i].branch)} ms`);
});
