import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counts the reports add up instead of reading every item (issue #18): per (plan, status, deadline
 * month, on-time flags) for items and per (unit, role, status, deadline month, appraisal flags) for
 * assignments, with the day sums that give "days overdue" as `n × today − Σ due day`.
 *
 * Kept by statement-level triggers with transition tables, not by the Journal: every writer of
 * tasks and assignments (the workflow, the importer, restore, the CLI's demo, bulk SQL in the
 * benchmarks) keeps them in the same transaction without having to remember to, and one statement
 * that touches 100k rows updates each count once. A change that moves no count (progress, notes)
 * nets to zero per key and writes nothing. Deadlines are bucketed by Shanghai month: a report reads
 * the months before this one and the far future from here and only the near months row by row, where
 * "overdue now" depends on the clock.
 *
 * Deleting an item: its assignments' counts go in a BEFORE DELETE row trigger (the cascade deletes
 * the assignments after the item row is gone, when their trigger can no longer read the item).
 */
const SH = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')`;
const MONTH = (col: string) => `date_trunc('month', ${SH(col)})::date`;
const DAY = (col: string) => `(${SH(col)}::date - date '2000-01-01')`;
const CDUE = (t: string) =>
  `(CASE WHEN ${t}.extension_approved_at IS NOT NULL AND ${t}.extension_approved_at <= ${t}.original_due_at THEN ${t}.due_at ELSE ${t}.original_due_at END)`;

/** The item-level key and sums of rows of `t` (a tasks row source). */
const itemCols = (t: string, sign: string) => `
  ${t}.plan_id, ${t}.status, ${MONTH(`${t}.due_at`)} AS due_month,
  COALESCE(${t}.completed_at <= ${t}.due_at, false) AS on_time,
  COALESCE(${t}.submitted_at <= ${t}.due_at, false) AS submitted_in_time,
  ${sign} AS n, ${sign} * ${DAY(`${t}.due_at`)} AS due_day_sum`;
const ITEM_KEY = 'plan_id, status, due_month, on_time, submitted_in_time';

/** The assignment-level key and sums of `a` (assignments) joined with its item `t`. */
const unitCols = (t: string, a: string, sign: string) => `
  ${a}.unit_id, ${a}.role, ${t}.status, ${MONTH(`${t}.due_at`)} AS due_month,
  COALESCE(${t}.completed_at <= ${t}.due_at, false) AS on_time,
  COALESCE(${t}.submitted_at <= ${t}.due_at, false) AS submitted_in_time,
  (${t}.status = 'completed' AND COALESCE(${t}.completed_at <= ${CDUE(t)}, false)) AS c_on_time,
  COALESCE(${t}.completed_at > ${CDUE(t)}, false) AS c_late_done,
  ${t}.completed_at IS NOT NULL AS c_done,
  COALESCE(${t}.extension_approved_at <= ${t}.original_due_at, false) AS c_ext,
  ${MONTH(CDUE(t))} AS c_due_month,
  ${sign} AS n, ${sign} * ${DAY(`${t}.due_at`)} AS due_day_sum,
  CASE WHEN ${t}.status = 'completed' AND ${t}.completed_at > ${t}.due_at THEN ${sign} ELSE 0 END AS delay_n,
  CASE WHEN ${t}.status = 'completed' AND ${t}.completed_at > ${t}.due_at
       THEN ${sign} * (${SH(`${t}.completed_at`)}::date - ${SH(`${t}.due_at`)}::date) ELSE 0 END AS delay_sum`;
const UNIT_KEY = 'unit_id, role, status, due_month, on_time, submitted_in_time, c_on_time, c_late_done, c_done, c_ext, c_due_month';

/** Adds the signed rows of `source` (a SELECT of the columns above) to `table`, skipping keys that net to zero. */
function apply(table: string, key: string, sums: string[], source: string): string {
  return `INSERT INTO ${table} AS c (${key}, ${sums.join(', ')})
    SELECT ${key}, ${sums.map((s) => `sum(${s})`).join(', ')} FROM (${source}) d
     GROUP BY ${key} HAVING ${sums.map((s) => `sum(${s}) <> 0`).join(' OR ')}
    ON CONFLICT (${key}) DO UPDATE SET ${sums.map((s) => `${s} = c.${s} + EXCLUDED.${s}`).join(', ')};`;
}
/** The item columns the keys read. */
const TASK_COLUMNS = ['plan_id', 'status', 'due_at', 'original_due_at', 'completed_at', 'submitted_at', 'extension_approved_at'];
const ITEM_SUMS = ['n', 'due_day_sum'];
const UNIT_SUMS = ['n', 'due_day_sum', 'delay_n', 'delay_sum'];
const items = (source: string) => apply('report_item_counts', ITEM_KEY, ITEM_SUMS, source);
const units = (source: string) => apply('report_unit_counts', UNIT_KEY, UNIT_SUMS, source);

export class ReportCounts1734000000000 implements MigrationInterface {
  name = 'ReportCounts1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_item_counts (
        plan_id uuid NOT NULL, status text NOT NULL, due_month date NOT NULL,
        on_time boolean NOT NULL, submitted_in_time boolean NOT NULL,
        n integer NOT NULL DEFAULT 0, due_day_sum bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (${ITEM_KEY})
      )`);
    await q.query(`
      CREATE TABLE report_unit_counts (
        unit_id uuid NOT NULL, role text NOT NULL, status text NOT NULL, due_month date NOT NULL,
        on_time boolean NOT NULL, submitted_in_time boolean NOT NULL,
        c_on_time boolean NOT NULL, c_late_done boolean NOT NULL, c_done boolean NOT NULL, c_ext boolean NOT NULL, c_due_month date NOT NULL,
        n integer NOT NULL DEFAULT 0, due_day_sum bigint NOT NULL DEFAULT 0,
        delay_n integer NOT NULL DEFAULT 0, delay_sum bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (${UNIT_KEY})
      )`);
    await q.query(`
      CREATE FUNCTION report_counts_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          -- A new item has no assignments yet (theirs are counted when they are inserted).
          ${items(`SELECT ${itemCols('t', '1')} FROM new_rows t`)}
        ELSIF TG_OP = 'UPDATE' THEN
          ${items(`SELECT ${itemCols('t', '-1')} FROM old_rows t UNION ALL SELECT ${itemCols('t', '1')} FROM new_rows t`)}
          ${units(`SELECT ${unitCols('t', 'a', '-1')} FROM old_rows t JOIN assignments a ON a.task_id = t.id
                   UNION ALL SELECT ${unitCols('t', 'a', '1')} FROM new_rows t JOIN assignments a ON a.task_id = t.id`)}
        ELSE
          ${items(`SELECT ${itemCols('t', '-1')} FROM old_rows t`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_counts_task_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${units(`SELECT ${unitCols('t', 'a', '-1')} FROM assignments a CROSS JOIN (SELECT ${TASK_COLUMNS.map((c) => `OLD.${c} AS ${c}`).join(', ')}) t
                 WHERE a.task_id = OLD.id`)}
        RETURN OLD;
      END $$`);
    // An assignment whose item is gone was counted out by the item's BEFORE DELETE trigger.
    await q.query(`
      CREATE FUNCTION report_counts_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${units(`SELECT ${unitCols('t', 'a', '1')} FROM new_rows a JOIN tasks t ON t.id = a.task_id`)}
        ELSIF TG_OP = 'UPDATE' THEN
          ${units(`SELECT ${unitCols('t', 'a', '-1')} FROM old_rows a JOIN tasks t ON t.id = a.task_id
                   UNION ALL SELECT ${unitCols('t', 'a', '1')} FROM new_rows a JOIN tasks t ON t.id = a.task_id`)}
        ELSE
          ${units(`SELECT ${unitCols('t', 'a', '-1')} FROM old_rows a JOIN tasks t ON t.id = a.task_id`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'tasks' THEN TRUNCATE report_item_counts; END IF;
        TRUNCATE report_unit_counts;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER report_counts_${op.toLowerCase()} AFTER ${op} ON tasks REFERENCING ${refs}
                     FOR EACH STATEMENT EXECUTE FUNCTION report_counts_tasks()`);
      await q.query(`CREATE TRIGGER report_counts_${op.toLowerCase()} AFTER ${op} ON assignments REFERENCING ${refs}
                     FOR EACH STATEMENT EXECUTE FUNCTION report_counts_assignments()`);
    }
    await q.query(`CREATE TRIGGER report_counts_delete_units BEFORE DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION report_counts_task_delete()`);
    await q.query(`CREATE TRIGGER report_counts_truncate AFTER TRUNCATE ON tasks FOR EACH STATEMENT EXECUTE FUNCTION report_counts_truncate()`);
    await q.query(`CREATE TRIGGER report_counts_truncate AFTER TRUNCATE ON assignments FOR EACH STATEMENT EXECUTE FUNCTION report_counts_truncate()`);
    // Existing data, counted once.
    await q.query(items(`SELECT ${itemCols('t', '1')} FROM tasks t`));
    await q.query(units(`SELECT ${unitCols('t', 'a', '1')} FROM assignments a JOIN tasks t ON t.id = a.task_id`));
    // The rows a report still reads one by one: items due in the near months (by deadline, and by the
    // deadline appraisal counts), open items' progress in the far future, a unit's latest progress.
    await q.query(`CREATE INDEX tasks_counted_due_idx ON tasks (${CDUE('tasks')}) WHERE completed_at IS NULL AND status <> 'cancelled'`);
    await q.query(`CREATE INDEX tasks_open_due_idx ON tasks (due_at) INCLUDE (plan_id, progress, created_at, submitted_at)
                   WHERE status IN ('assigned', 'acknowledged', 'in_progress', 'returned', 'submitted')`);
    await q.query(`CREATE INDEX assignments_unit_progress_idx ON assignments (unit_id, last_progress_at) WHERE role IN ('lead', 'responsible')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS assignments_unit_progress_idx`);
    await q.query(`DROP INDEX IF EXISTS tasks_open_due_idx`);
    await q.query(`DROP INDEX IF EXISTS tasks_counted_due_idx`);
    for (const table of ['tasks', 'assignments']) {
      for (const t of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_counts_${t} ON ${table}`);
    }
    await q.query(`DROP TRIGGER IF EXISTS report_counts_delete_units ON tasks`);
    await q.query(`DROP FUNCTION IF EXISTS report_counts_tasks(), report_counts_task_delete(), report_counts_assignments(), report_counts_truncate()`);
    await q.query(`DROP TABLE IF EXISTS report_unit_counts`);
    await q.query(`DROP TABLE IF EXISTS report_item_counts`);
  }
}
