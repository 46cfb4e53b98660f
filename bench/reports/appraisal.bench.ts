// The appraisal report through another checkout (BENCH_BASE, e.g. main) and through this one,
// alternately in one process on one seeded, VACUUM ANALYZEd schema, the two results compared every
// round (issue #18, README "Seventh round"). Clocks: now, and the 15th of this month at 23:00 Shanghai
// (the most of this month's deadlines the clock has passed that the previous code read by row).
// Each variant gets the acknowledgement deadlines as the API builds them (ackDueFor, the
// working-day calendar of the schema): the base computes its table per request, this branch once.
// Run: BENCH_BASE=/path/to/main npx ts-node -T -r tsconfig-paths/register bench/reports/appraisal.bench.ts
// Env: BENCH_DATABASE_URL, BENCH_TASKS (100000), BENCH_ROUNDS (9), BENCH_BASE (required), BENCH_SCHEMA.
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { addWorkdays, HolidayCalendar, shanghaiDate } from '@app/domain';
import { ackDueFor } from '../../apps/api/src/reports/ack-due';
import { appraisalReport } from '../../libs/persistence/src/repositories/reports/appraisal.report';
import { ReportClock } from '../../libs/persistence/src/repositories/reports/report-sql';
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
const base = require(join(BASE, 'libs/persistence/src/repositories/reports/appraisal.report')) as { appraisalReport: typeof appraisalReport };

sqlBench(async ({ ds, qr, run }) => {
  const { s } = await reportInputs(ds);
  const days = await ds.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, source FROM calendar_days`);
  const calendar = new HolidayCalendar(days, await ds.query(`SELECT year, complete, source FROM calendar_years`));
  const clock = (now: Date): ReportClock => ({ now, today: shanghaiDate(now), yellowBefore: addWorkdays(calendar, shanghaiDate(now), 4), progressSlack: 10 });
  const mid = new Date(`${shanghaiDate(new Date()).slice(0, 7)}-15T23:00:00+08:00`);
  const branchAck = ackDueFor(calendar, 3, '18:00');
  const cases: [string, ReportClock][] = [
    ['appraisal now', clock(new Date())],
    [`appraisal ${mid.toISOString().slice(0, 10)}`, clock(mid)],
  ];
  const base1: number[] = [];
  const times = cases.map(() => ({ base: [] as number[], branch: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    await qr.query(`SELECT 1`);
    base1.push(performance.now() - t);
    for (const [i, [name, c]] of cases.entries()) {
      const out: Record<string, unknown> = {};
      for (const which of round % 2 ? (['branch', 'base'] as const) : (['base', 'branch'] as const)) {
        t = performance.now();
        out[which] =
          which === 'base' ? await base.appraisalReport(run, s, c, (from, to) => ackDueFor(calendar, 3, '18:00')(from, to)) : await appraisalReport(run, s, c, branchAck);
        times[i][which].push(performance.now() - t);
      }
      if (!isDeepStrictEqual(out.base, out.branch)) throw new Error(`${name} differs in round ${round}: ${JSON.stringify(out)}`);
    }
  }
  console.log(`SELECT 1: ${stats(base1)} ms over ${ROUNDS} rounds (results equal in every round)`);
  for (const [i, [name]] of cases.entries()) console.log(`${name.padEnd(24)} base ${stats(times[i].base)} ms  branch ${stats(times[i].branch)} ms`);
});
