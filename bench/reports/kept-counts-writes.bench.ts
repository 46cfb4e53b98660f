// What the two kept counts of the 2026-12-03 (ninth) round cost the writers: report_late_acks
// (1736660000000, triggers on report_ack_counts) and report_unit_rollup (1736680000000, triggers on
// report_unit_classes), both rebuilt first so their triggers do their work. The same writes run with
// those triggers on and off (ALTER TABLE … DISABLE TRIGGER, inside the rolled-back transaction),
// alternately, each in a transaction rolled back afterwards, so every round writes the same rows.
// Printed: median ms per batch and the ratio on / off.
// Run: npx ts-node -T -r tsconfig-paths/register bench/reports/kept-counts-writes.bench.ts
// Env: BENCH_DATABASE_URL, BENCH_TASKS (100000), BENCH_SCHEMA, BENCH_ROUNDS (9), BENCH_BATCH (500 items per write).
import { syncAckDeadlines } from '../../libs/persistence/src/repositories/reports/appraisal.report';
import { ackWindow } from '../../libs/persistence/src/repositories/reports/ack-window';
import { runOn } from '../../libs/persistence/src/repositories/reports/report-sql';
import { rollupMonth, syncUnitRollup } from '../../libs/persistence/src/repositories/reports/unit-rollup';
import { reportInputs } from './report-inputs';
import { median, sqlBench } from '../support/sql-bench';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const NEW_TRIGGERS = [
  ...['insert', 'update', 'delete'].map((op) => ['report_ack_counts', `report_late_acks_${op}`]),
  ...['insert', 'update', 'delete'].map((op) => ['report_unit_classes', `report_unit_rollup_${op}`]),
];

sqlBench(async ({ ds, qr }) => {
  const { c, ack, yearAgo } = await reportInputs(ds);
  const window = ackWindow(ack, yearAgo, c.today);
  await ds.transaction(async (m) => {
    await syncAckDeadlines(runOn(m), window);
    await syncUnitRollup(runOn(m), rollupMonth(c));
  });
  const batch = `(SELECT id FROM tasks WHERE status IN ('assigned', 'in_progress') ORDER BY id LIMIT ${BATCH})`;
  const writes: [string, string][] = [
    [`acknowledge the lead/responsible assignments of ${BATCH} item(s)`, `UPDATE assignments SET acknowledged_at = created_at + interval '5 days' WHERE role <> 'assisting' AND task_id IN ${batch}`],
    [`complete ${BATCH} item(s)`, `UPDATE tasks SET status = 'completed', completed_at = due_at - interval '1 day' WHERE id IN ${batch}`],
    [`cancel ${BATCH} item(s)`, `UPDATE tasks SET status = 'cancelled' WHERE id IN ${batch}`],
  ];
  console.log(`batch ${BATCH} items, ${ROUNDS} rounds, each write in a transaction rolled back`);
  console.log(`${'write'.padEnd(58)} triggers on ms   off ms   on / off`);
  for (const [name, statement] of writes) {
    const on: number[] = [];
    const off: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const enabled of round % 2 ? [false, true] : [true, false]) {
        await qr.startTransaction();
        try {
          if (!enabled) for (const [table, trigger] of NEW_TRIGGERS) await qr.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
          const t = performance.now();
          await qr.query(statement);
          (enabled ? on : off).push(performance.now() - t);
        } finally {
          await qr.rollbackTransaction();
        }
      }
    }
    console.log(`${name.padEnd(58)} ${median(on).toFixed(1).padStart(10)} ${median(off).toFixed(1).padStart(8)} ${(median(on) / median(off)).toFixed(2).padStart(10)}`);
  }
});
