// Would named prepared statements pay for the reports? Each report's statements as the API sends them
// (unnamed: parsed and planned on every request) against the same text and values as a named prepared
// statement (parsed once; PostgreSQL may then reuse a generic plan), alternately on one connection,
// with the backend's CPU read from /proc (issue #18: parse and bind were ~2.2 of ~7 ms of PostgreSQL
// per units report at 100k).
// Run: npx ts-node -T -r tsconfig-paths/register bench/reports/prepared.bench.ts
// Env: BENCH_DATABASE_URL, BENCH_TASKS (100000), BENCH_SCHEMA, BENCH_ROUNDS (5), BENCH_REPEAT (60 per round).
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { appraisalReport, AckWindow, syncAckDeadlines } from '../../libs/persistence/src/repositories/reports/appraisal.report';
import { syncUnitRollup } from '../../libs/persistence/src/repositories/reports/unit-rollup';
import { overdueReport } from '../../libs/persistence/src/repositories/reports/overdue.report';
import { summaryReport } from '../../libs/persistence/src/repositories/reports/summary.report';
import { unitsReport } from '../../libs/persistence/src/repositories/reports/units.report';
import { RunSql, runOn } from '../../libs/persistence/src/repositories/reports/report-sql';
import { reportInputs } from './report-inputs';
import { median, sqlBench } from '../support/sql-bench';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 60);

/** CPU seconds of a local backend process (utime + stime in clock ticks of 10 ms). */
function backendCpu(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

sqlBench(async ({ ds, run }) => {
  const { c, s, ack, page } = await reportInputs(ds);
  const [{ schema }] = (await ds.query(`SELECT current_schema() AS schema`)) as { schema: string }[];
  const client = new Client({
    connectionString: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    options: `-c search_path=${schema} -c jit=off`,
  });
  await client.connect();
  const [{ pid }] = (await client.query(`SELECT pg_backend_pid() AS pid`)).rows as { pid: number }[];
  /** The statements a report sends, captured while it runs once through the API's path. */
  const capture = async (report: (r: RunSql) => Promise<unknown>) => {
    const sent: { text: string; values: unknown[] }[] = [];
    const r: RunSql = (q) => {
      const { text, values } = q.compile();
      sent.push({ text, values });
      return run(q);
    };
    await report(r);
    return sent;
  };
  // As the API runs them once its kept counts are for this clock: the late-acknowledgement count and the
  // unit rollup rebuilt first (the first appraisal asks for both), then the statements captured.
  const rebuild = {
    ackDeadlines: (w: AckWindow) => ds.transaction((m) => syncAckDeadlines(runOn(m), w)),
    unitRollup: (month: string) => ds.transaction((m) => syncUnitRollup(runOn(m), month)),
  };
  await appraisalReport(run, s, c, ack, rebuild);
  const cases: [string, { text: string; values: unknown[] }[]][] = [
    ['summary', await capture((r) => summaryReport(r, s, c))],
    ['units', await capture((r) => unitsReport(r, s, c, { sort: 'onTimeRate', order: 'desc', ...page }))],
    ['appraisal', await capture((r) => appraisalReport(r, s, c, ack))],
    ['overdue (page 1)', await capture((r) => overdueReport(r, s, c, page))],
  ];
  const answers: string[] = [];
  const times = cases.map(() => ({ unnamed: [] as number[], named: [] as number[], cpuUnnamed: 0, cpuNamed: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, [name, statements]] of cases.entries()) {
      for (const way of round % 2 ? (['named', 'unnamed'] as const) : (['unnamed', 'named'] as const)) {
        const cpu0 = backendCpu(pid);
        for (let k = 0; k < REPEAT; k++) {
          const t = performance.now();
          const rows: unknown[] = [];
          for (const [j, st] of statements.entries()) {
            const r = await client.query(
              way === 'named'
                ? { name: `${name}-${j}`, text: st.text, values: st.values }
                : { text: st.text, values: st.values },
            );
            rows.push(r.rows);
          }
          // Both ways must answer alike, whichever plan PostgreSQL settled on for the named one.
          const answer = JSON.stringify(rows);
          if ((answers[i] ??= answer) !== answer) throw new Error(`${name}: the ${way} statement answered differently`);
          times[i][way].push(performance.now() - t);
        }
        const used = backendCpu(pid) - cpu0;
        if (way === 'named') times[i].cpuNamed += used;
        else times[i].cpuUnnamed += used;
      }
    }
  }
  await client.end();
  const n = ROUNDS * REPEAT;
  console.log(
    `${'report'.padEnd(18)} ${'unnamed ms'.padStart(11)} ${'named ms'.padStart(9)}   backend CPU ms/request: unnamed  named  named/unnamed`,
  );
  for (const [i, [name]] of cases.entries()) {
    const t = times[i];
    console.log(
      `${name.padEnd(18)} ${median(t.unnamed).toFixed(2).padStart(11)} ${median(t.named).toFixed(2).padStart(9)}   ` +
        `${((1000 * t.cpuUnnamed) / n).toFixed(2).padStart(30)} ${((1000 * t.cpuNamed) / n).toFixed(2).padStart(6)}  ${(t.cpuNamed / t.cpuUnnamed).toFixed(2).padStart(6)}`,
    );
  }
});
