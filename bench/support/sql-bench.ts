// Shared by the benches that time report and list SQL one statement at a time (jit, sql, summary,
// tasks-sql): BENCH_TASKS items seeded (and VACUUM ANALYZEd) in a fresh schema, one connection of it.
import type { DataSource, QueryRunner } from 'typeorm';
import { runOn, RunSql } from '../../libs/persistence/src/repositories/reports/report-sql';
import { seedTasks, startBenchApi } from './bench-app';

export const BENCH_TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
export { median } from './median';

export interface SqlBench {
  ds: DataSource;
  /** The one connection the timed statements run on, so alternating variants see the same backend and cache. */
  qr: QueryRunner;
  run: RunSql;
}

/** Runs `body` on a freshly seeded schema (dropped afterwards); prints the seed time; exits 1 on an error. */
export function sqlBench(body: (b: SqlBench) => Promise<void>): void {
  const main = async () => {
    const api = await startBenchApi();
    const qr = api.ds.createQueryRunner();
    try {
      const t0 = Date.now();
      await seedTasks(api.ds, BENCH_TASKS);
      console.log(`seeded ${BENCH_TASKS} tasks in ${((Date.now() - t0) / 1000).toFixed(1)} s (schema ${api.schema})`);
      await qr.connect();
      await body({ ds: api.ds, qr, run: runOn(qr) });
    } finally {
      await qr.release();
      await api.close();
    }
  };
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
