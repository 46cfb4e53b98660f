import { Sql, sql } from '../../db/sql';
import { ROLLUP_SIDE, ROLLUP_SUMS } from '../../migrations/1736680000000-report-unit-rollup';
import { ReportClock, RunSql } from './report-sql';

/** Rebuilds report_unit_rollup for a month a report's clock is in (syncUnitRollup). */
export type UnitRollupSync = (month: string) => Promise<void>;

/** The first day of the clock's month (lp.month), which the rollup must be for to be read. */
export const rollupMonth = (c: ReportClock): string => `${c.today.slice(0, 7)}-01`;

/** Whether report_unit_rollup is for `month`: one row, read once per statement. */
export const rolledUpFor = (month: string): Sql => sql`EXISTS (SELECT 1 FROM report_unit_rollup_month WHERE month = ${month}::date)`;

/**
 * Whether a report read the rollup; when it read report_unit_classes instead (the rollup is for
 * another month), has it rebuilt for the report's month so the next report reads it.
 */
export async function afterRollupRead(rows: Record<string, unknown>[], month: string, sync?: UnitRollupSync): Promise<void> {
  if (sync && rows.length && rows[0].unit_rollup === false) await sync(month);
}

/**
 * Makes report_unit_rollup the roll-up of report_unit_classes for `month` (migration 1736680000000).
 * Run it in a transaction on the primary: the lock waits for the transactions writing
 * report_unit_classes and holds off new ones until the commit, so no trigger rolls a row up for the
 * old month after the rebuild read the classes.
 */
export async function syncUnitRollup(run: RunSql, month: string): Promise<void> {
  await run(sql`SET LOCAL lock_timeout = '2s'`);
  await run(sql`LOCK TABLE report_unit_classes IN SHARE ROW EXCLUSIVE MODE`);
  await run(sql`DELETE FROM report_unit_rollup`);
  await run(sql`UPDATE report_unit_rollup_month SET month = ${month}::date`);
  await run(sql`
      INSERT INTO report_unit_rollup (report, unit_id, role, cls, side, ${sql.raw(ROLLUP_SUMS.join(', '))})
      SELECT c.report, c.unit_id, c.role, c.cls, ${sql.raw(ROLLUP_SIDE('c', 'm.month'))}, ${sql.raw(ROLLUP_SUMS.map((s) => `sum(c.${s})`).join(', '))}
        FROM report_unit_classes c CROSS JOIN report_unit_rollup_month m
       GROUP BY 1, 2, 3, 4, 5 HAVING ${sql.raw(ROLLUP_SUMS.map((s) => `sum(c.${s}) <> 0`).join(' OR '))}`);
}
