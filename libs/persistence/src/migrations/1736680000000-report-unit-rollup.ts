import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * report_unit_classes (1736320000000) rolled up for one month (issue #18): its rows per (report,
 * unit, role, class) and side of that month (deadline month before it −1, in it 0, after it 1), so
 * the units report and the appraisal sum a few rows per unit instead of one per deadline month
 * (3.3k of the units report's rows at 100k items, ~40% of its PostgreSQL time, and more every month
 * of history). Whether a class counts as late depends only on that side.
 *
 * report_unit_rollup_month holds the month the rollup is for (NULL: none yet). A report whose clock
 * is in another month reads report_unit_classes as before and has the API rebuild the rollup for its
 * month (units.report.ts, syncUnitRollup), under a lock that keeps report_unit_classes' writers out
 * meanwhile. Kept by statement-level triggers on report_unit_classes itself, in the writing
 * transaction; TRUNCATE of report_unit_classes empties it. Backups skip both tables.
 */
export const ROLLUP_SUMS = ['n', 'due_day_sum', 'delay_n', 'delay_sum'];
const KEY = 'report, unit_id, role, cls, side';
/** The side of `month` that the deadline month of row `d` is on. */
export const ROLLUP_SIDE = (d: string, month: string) => `CASE WHEN ${d}.due_month < ${month} THEN -1 WHEN ${d}.due_month = ${month} THEN 0 ELSE 1 END`;
const apply = (source: string) => `INSERT INTO report_unit_rollup AS r (${KEY}, ${ROLLUP_SUMS.join(', ')})
    SELECT d.report, d.unit_id, d.role, d.cls, ${ROLLUP_SIDE('d', 'm.month')}, ${ROLLUP_SUMS.map((s) => `sum(d.${s})`).join(', ')}
      FROM (${source}) d CROSS JOIN report_unit_rollup_month m
     WHERE m.month IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5 HAVING ${ROLLUP_SUMS.map((s) => `sum(d.${s}) <> 0`).join(' OR ')}
    ON CONFLICT (${KEY}) DO UPDATE SET ${ROLLUP_SUMS.map((s) => `${s} = r.${s} + EXCLUDED.${s}`).join(', ')};`;
const COLS = `report, unit_id, role, cls, due_month`;

export class ReportUnitRollup1736680000000 implements MigrationInterface {
  name = 'ReportUnitRollup1736680000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_unit_rollup (
        report text NOT NULL, unit_id uuid NOT NULL, role text NOT NULL, cls smallint NOT NULL, side smallint NOT NULL,
        n integer NOT NULL DEFAULT 0, due_day_sum bigint NOT NULL DEFAULT 0, delay_n integer NOT NULL DEFAULT 0, delay_sum bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (${KEY})
      )`);
    await q.query(`CREATE TABLE report_unit_rollup_month (one boolean PRIMARY KEY DEFAULT true CHECK (one), month date)`);
    await q.query(`INSERT INTO report_unit_rollup_month (month) VALUES (NULL)`);
    await q.query(`
      CREATE FUNCTION report_unit_rollup_classes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${apply(`SELECT ${COLS}, ${ROLLUP_SUMS.join(', ')} FROM new_rows`)}
        ELSIF TG_OP = 'UPDATE' THEN
          ${apply(`SELECT ${COLS}, ${ROLLUP_SUMS.map((s) => `-${s} AS ${s}`).join(', ')} FROM old_rows UNION ALL SELECT ${COLS}, ${ROLLUP_SUMS.join(', ')} FROM new_rows`)}
        ELSE
          ${apply(`SELECT ${COLS}, ${ROLLUP_SUMS.map((s) => `-${s} AS ${s}`).join(', ')} FROM old_rows`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_unit_rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE report_unit_rollup;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER report_unit_rollup_${op.toLowerCase()} AFTER ${op} ON report_unit_classes REFERENCING ${refs}
                     FOR EACH STATEMENT EXECUTE FUNCTION report_unit_rollup_classes()`);
    }
    await q.query(`CREATE TRIGGER report_unit_rollup_truncate AFTER TRUNCATE ON report_unit_classes FOR EACH STATEMENT EXECUTE FUNCTION report_unit_rollup_truncate()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_unit_rollup_${t} ON report_unit_classes`);
    await q.query(`DROP FUNCTION IF EXISTS report_unit_rollup_classes(), report_unit_rollup_truncate()`);
    await q.query(`DROP TABLE IF EXISTS report_unit_rollup, report_unit_rollup_month`);
  }
}
