// Each report's SQL with PostgreSQL's JIT on (the server default) and off, alternately on one
// connection, on the bench data set, against `SELECT 1` in the same loop: does compiling a statement
// to machine code pay off for the reports, or only cost its compile time? (issue #18; the indicators
// lost ~100 ms a request to it at 1M, see README "Fifth round").
// Run: npx ts-node -T -r tsconfig-paths/register bench/reports/jit.bench.ts
// Env: BENCH_DATABASE_URL, BENCH_TASKS (100000), BENCH_ROUNDS (7).
import { Db, TaskRepository } from '@app/persistence';
import { appraisalReport } from '../../libs/persistence/src/repositories/reports/appraisal.report';
import { indicatorsReport } from '../../libs/persistence/src/repositories/reports/indicators.report';
import { overdueReport } from '../../libs/persistence/src/repositories/reports/overdue.report';
import { peopleReport } from '../../libs/persistence/src/repositories/reports/people.report';
import { summaryReport } from '../../libs/persistence/src/repositories/reports/summary.report';
import { trendReport } from '../../libs/persistence/src/repositories/reports/trend.report';
import { unitsReport } from '../../libs/persistence/src/repositories/reports/units.report';
import { reportInputs } from './report-inputs';
import { median, sqlBench } from '../support/sql-bench';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

sqlBench(async ({ ds, qr, run }) => {
  const { now, today, c, s, plan, ack, yearAgo, page } = await reportInputs(ds);
  const trend = { interval: 'month' as const, from: yearAgo, to: today };
  const tasks = new TaskRepository(Db.standalone(ds));
  const light = { now, yellowBefore: c.yellowBefore, progressSlack: 10 };
  const cases: [string, () => Promise<unknown>][] = [
    ['summary', () => summaryReport(run, s, c)],
    ['summary?planId', () => summaryReport(run, { ...s, planId: plan.id }, c)],
    ['units', () => unitsReport(run, s, c, { sort: 'onTimeRate', order: 'desc', offset: 0, limit: 20 })],
    ['appraisal', () => appraisalReport(run, s, c, ack)],
    ['overdue (page 1)', () => overdueReport(run, s, c, page)],
    ['people (page 1)', () => peopleReport(run, s, c, page)],
    ['indicators (page 1)', () => indicatorsReport(run, s, c, page)],
    ['trend?interval=month', () => trendReport(run, { ...s, ...trend }, c, trend)],
    ['/tasks?light=green', () => tasks.list({ scope: s, light: 'green', sort: 'dueAt', order: 'asc', offset: 0, limit: 20 }, light)],
  ];
  const base: number[] = [];
  const times = cases.map(() => ({ on: [] as number[], off: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    await qr.query(`SELECT 1`);
    base.push(performance.now() - t);
    for (const [i, [, report]] of cases.entries()) {
      // Alternate which goes first, so neither always runs on the other's warmed cache.
      for (const jit of round % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        await qr.query(`SET jit = ${jit}`);
        t = performance.now();
        await report();
        times[i][jit].push(performance.now() - t);
      }
    }
  }
  console.log(`SELECT 1: median ${median(base).toFixed(1)} ms over ${ROUNDS} rounds`);
  for (const [i, [name]] of cases.entries()) {
    const on = median(times[i].on);
    const off = median(times[i].off);
    console.log(`${name.padEnd(24)} jit on ${on.toFixed(1).padStart(8)} ms  off ${off.toFixed(1).padStart(8)} ms  on/off ${(on / off).toFixed(2)}`);
  }
});
