import { runOn, RunSql } from '../../libs/persistence/src/repositories/reports/report-sql';
import { summaryReport } from '../../libs/persistence/src/repositories/reports/summary.report';
import { reportInputs } from './report-inputs';
import { analyzeOwnSchema, seedTasks, startBenchApi } from '../support/bench-app';
import { Sql } from '../../libs/persistence/src/db/sql';

async function main(): Promise<void> {
  const api = await startBenchApi();
  const qr = api.ds.createQueryRunner();
  try {
    await seedTasks(api.ds, Number(process.env.BENCH_TASKS ?? 100000));
    await analyzeOwnSchema(api.ds, true);
    await qr.connect();
    const { c, s } = await reportInputs(api.ds);
    const inner = runOn(qr);
    const seen: Sql[] = [];
    const run: RunSql = (q) => { seen.push(q); return inner(q); };
    await summaryReport(run, s, c);
    for (let k = 0; k < 3; k++) for (const q of seen) { await inner(q); }
    for (const q of seen) {
      const { text, values } = q.compile();
      const rows = (await qr.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)) as { 'QUERY PLAN': string }[];
      console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
      console.log('-----');
    }
  } finally {
    await qr.release();
    await api.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
