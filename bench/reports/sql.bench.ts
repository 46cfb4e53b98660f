// The report SQL alone, one request at a time: each report through the current repository code and
// through the SQL before it (test/reports/reference: summary, units, appraisal and overdue before the
// report counts; people, indicators and trend before the second round of issue #18), alternately, on
// the bench data set, against `SELECT 1` in the same loop. Robust on a busy machine where HTTP
// percentiles are not. BENCH_PEOPLE=1 adds 3 people per unit who own and report on the items (the
// bench set has none, which leaves the people report nothing to count).
// Run: npx ts-node -r tsconfig-paths/register bench/reports/sql.bench.ts
// Env: BENCH_DATABASE_URL, BENCH_TASKS (100000), BENCH_ROUNDS (7).
import { sql } from '@app/persistence';
import { appraisalReport } from '../../libs/persistence/src/repositories/reports/appraisal.report';
import { overdueReport } from '../../libs/persistence/src/repositories/reports/overdue.report';
import { ReportScope } from '../../libs/persistence/src/repositories/reports/report-sql';
import { summaryReport } from '../../libs/persistence/src/repositories/reports/summary.report';
import { unitsReport } from '../../libs/persistence/src/repositories/reports/units.report';
import { overdueCountSql } from '../../libs/persistence/src/repositories/task.repository';
import { appraisalReport as appraisalBefore } from '../../test/reports/reference/appraisal.report';
import { indicatorsReport as indicatorsBefore } from '../../test/reports/reference/indicators.report';
import { peopleReport as peopleBefore } from '../../test/reports/reference/people.report';
import { trendReport as trendBefore } from '../../test/reports/reference/trend.report';
import { indicatorsReport } from '../../libs/persistence/src/repositories/reports/indicators.report';
import { peopleReport } from '../../libs/persistence/src/repositories/reports/people.report';
import { trendReport } from '../../libs/persistence/src/repositories/reports/trend.report';
import { overdueReport as overdueBefore } from '../../test/reports/reference/overdue.report';
import { summaryReport as summaryBefore } from '../../test/reports/reference/summary.report';
import { unitsReport as unitsBefore } from '../../test/reports/reference/units.report';
import { reportInputs } from './report-inputs';
import { analyzeOwnSchema } from '../support/bench-app';
import { median, sqlBench } from '../support/sql-bench';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

sqlBench(async ({ ds, run }) => {
  if (process.env.BENCH_PEOPLE === '1') {
    await seedPeople(ds);
    await analyzeOwnSchema(ds, true);
  }
  const { now, today, c, s, plan, ack, yearAgo, page } = await reportInputs(ds);
  const units = { sort: 'onTimeRate' as const, order: 'desc' as const, offset: 0, limit: 20 };
  const overdueCountBefore = (scope: ReportScope) =>
    run(sql`SELECT count(*)::int FROM tasks t WHERE t.status NOT IN ('completed', 'cancelled', 'suspended') AND ${now}::timestamptz > t.due_at
              AND NOT (t.status = 'submitted' AND t.submitted_at IS NOT NULL AND t.submitted_at <= t.due_at)
              ${scope.planId ? sql`AND t.plan_id = ${scope.planId}` : sql.empty}`);
  const trend = (interval: 'week' | 'month') => ({ interval, from: interval === 'week' ? new Date(Date.parse(`${today}T00:00:00Z`) - 77 * 86_400_000).toISOString().slice(0, 10) : yearAgo, to: today });
  const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    ['summary', () => summaryBefore(run, s, c), () => summaryReport(run, s, c)],
    ['summary?planId', () => summaryBefore(run, { ...s, planId: plan.id }, c), () => summaryReport(run, { ...s, planId: plan.id }, c)],
    ['units', () => unitsBefore(run, s, c, units), () => unitsReport(run, s, c, units)],
    ['appraisal', () => appraisalBefore(run, s, c, ack), () => appraisalReport(run, s, c, ack)],
    ['overdue (page 1)', () => overdueBefore(run, s, c, page), () => overdueReport(run, s, c, page)],
    ['/tasks?overdue=true total', () => overdueCountBefore(s), () => run(overdueCountSql(s, now))],
    ['people (page 1)', () => peopleBefore(run, s, c, page), () => peopleReport(run, s, c, page)],
    ['indicators (page 1)', () => indicatorsBefore(run, s, c, page), () => indicatorsReport(run, s, c, page)],
    ['trend?interval=week', () => trendBefore(run, { ...s, ...trend('week') }, c, trend('week')), () => trendReport(run, { ...s, ...trend('week') }, c, trend('week'))],
    ['trend?interval=month', () => trendBefore(run, { ...s, ...trend('month') }, c, trend('month')), () => trendReport(run, { ...s, ...trend('month') }, c, trend('month'))],
  ];
  const base: number[] = [];
  const times = cases.map(() => ({ before: [] as number[], after: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    await ds.query(`SELECT 1`);
    base.push(performance.now() - t);
    for (const [i, [, before, after]] of cases.entries()) {
      t = performance.now();
      await before();
      times[i].before.push(performance.now() - t);
      t = performance.now();
      await after();
      times[i].after.push(performance.now() - t);
    }
  }
  console.log(`SELECT 1: median ${median(base).toFixed(1)} ms over ${ROUNDS} rounds`);
  for (const [i, [name]] of cases.entries()) {
    const b = median(times[i].before);
    const a = median(times[i].after);
    console.log(`${name.padEnd(28)} before ${b.toFixed(1).padStart(7)} ms  after ${a.toFixed(1).padStart(7)} ms  ${(b / a).toFixed(1)}× faster`);
  }
});

/** Three people per unit: a third of the parts named to one of them, every progress report written by one. */
async function seedPeople(ds: { query(q: string): Promise<unknown> }): Promise<void> {
  await ds.query(`INSERT INTO users (username, display_name, password_hash, unit_id)
                  SELECT 'p' || u.code || '_' || k, '人' || u.code || k, 'x', u.id FROM units u CROSS JOIN generate_series(1, 3) k`);
  await ds.query(`WITH p AS (SELECT unit_id, array_agg(id ORDER BY username) AS ids FROM users WHERE unit_id IS NOT NULL GROUP BY unit_id)
                  UPDATE assignments a SET assignee_id = p.ids[1 + abs(hashtext(a.id::text)) % 3] FROM p
                   WHERE p.unit_id = a.unit_id AND abs(hashtext(a.id::text)) % 3 = 0`);
  await ds.query(`WITH p AS (SELECT unit_id, array_agg(id ORDER BY username) AS ids FROM users WHERE unit_id IS NOT NULL GROUP BY unit_id)
                  UPDATE progress_reports r SET author_id = p.ids[1 + abs(hashtext(r.id::text)) % 3] FROM p WHERE p.unit_id = r.unit_id`);
}
