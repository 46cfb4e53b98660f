import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The units and appraisal reports' classes per unit (issue #18), narrower than report_unit_counts
 * (1734000000000), whose key carries every flag of both reports and so holds ~35k keys at 100k
 * items: each report sums ~3k keys here instead.
 *
 * report 'units', per (unit, role): cls 3 completed on time, 1 completed otherwise (days late in
 * delay_n/delay_sum), 5 open and not submitted by the deadline (then, and only then, by Shanghai
 * deadline month, with the day sum for "days overdue"), 0 the rest.
 * report 'appraisal', lead and responsible together (role ''): cls −1 cancelled, else bits 1 done
 * on time, 2 done late, 4 extended in time (against the deadline appraisal counts), 8 not done (then
 * by that deadline's month: overdue before this month, not after it).
 *
 * Kept like report_unit_counts: statement-level triggers with transition tables in the writing
 * transaction (an item update moves its assignments only when a column the classes read changed);
 * deleting an item counts its assignments out in a BEFORE DELETE row trigger; TRUNCATE empties it.
 * Backups skip it; restoring the rows rebuilds it.
 */
const SH = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')`;
const MONTH = (col: string) => `date_trunc('month', ${SH(col)})::date`;
const DAY = (col: string) => `(${SH(col)}::date - date '2000-01-01')`;
const CDUE = `(CASE WHEN t.extension_approved_at IS NOT NULL AND t.extension_approved_at <= t.original_due_at THEN t.due_at ELSE t.original_due_at END)`;
const OPEN_LATE = `(t.status NOT IN ('completed', 'cancelled', 'suspended') AND NOT (t.status = 'submitted' AND COALESCE(t.submitted_at <= t.due_at, false)))`;
const LATE_DONE = `(t.status = 'completed' AND t.completed_at > t.due_at)`;
const PENDING = `(t.status <> 'cancelled' AND t.completed_at IS NULL)`;
const KEY = 'report, unit_id, role, cls, due_month';
const SUMS = ['n', 'due_day_sum', 'delay_n', 'delay_sum'];
/** The item columns the classes read; an update that changes none of them moves nothing. */
const TASK_COLUMNS = ['status', 'due_at', 'original_due_at', 'completed_at', 'submitted_at', 'extension_approved_at'];

/** Signed class rows of the assignments `a` with their item `t` in `from` (filtered by `where`). */
const rows = (from: string, where: string, sign: string) => `
  SELECT 'units' AS report, a.unit_id, a.role,
         CASE WHEN t.status = 'completed' THEN CASE WHEN COALESCE(t.completed_at <= t.due_at, false) THEN 3 ELSE 1 END
              WHEN ${OPEN_LATE} THEN 5 ELSE 0 END AS cls,
         CASE WHEN ${OPEN_LATE} THEN ${MONTH('t.due_at')} ELSE '-infinity'::date END AS due_month,
         ${sign} AS n, CASE WHEN ${OPEN_LATE} THEN ${sign} * ${DAY('t.due_at')} ELSE 0 END AS due_day_sum,
         CASE WHEN ${LATE_DONE} THEN ${sign} ELSE 0 END AS delay_n,
         CASE WHEN ${LATE_DONE} THEN ${sign} * (${SH('t.completed_at')}::date - ${SH('t.due_at')}::date) ELSE 0 END AS delay_sum
    FROM ${from} WHERE ${where}
  UNION ALL
  SELECT 'appraisal', a.unit_id, '',
         CASE WHEN t.status = 'cancelled' THEN -1
              ELSE CASE WHEN t.status = 'completed' AND COALESCE(t.completed_at <= ${CDUE}, false) THEN 1 ELSE 0 END
                 + CASE WHEN COALESCE(t.completed_at > ${CDUE}, false) THEN 2 ELSE 0 END
                 + CASE WHEN COALESCE(t.extension_approved_at <= t.original_due_at, false) THEN 4 ELSE 0 END
                 + CASE WHEN t.completed_at IS NULL THEN 8 ELSE 0 END END,
         CASE WHEN ${PENDING} THEN ${MONTH(CDUE)} ELSE '-infinity'::date END,
         ${sign}, 0, 0, 0
    FROM ${from} WHERE ${where} AND a.role IN ('lead', 'responsible')`;

/** Adds the signed rows of `source` to the classes, skipping keys that net to zero. */
const apply = (source: string) => `INSERT INTO report_unit_classes AS c (${KEY}, ${SUMS.join(', ')})
    SELECT ${KEY}, ${SUMS.map((s) => `sum(${s})`).join(', ')} FROM (${source}) d
     GROUP BY ${KEY} HAVING ${SUMS.map((s) => `sum(${s}) <> 0`).join(' OR ')}
    ON CONFLICT (${KEY}) DO UPDATE SET ${SUMS.map((s) => `${s} = c.${s} + EXCLUDED.${s}`).join(', ')};`;

export class ReportUnitClasses1736320000000 implements MigrationInterface {
  name = 'ReportUnitClasses1736320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_unit_classes (
        report text NOT NULL, unit_id uuid NOT NULL, role text NOT NULL, cls smallint NOT NULL, due_month date NOT NULL,
        n integer NOT NULL DEFAULT 0, due_day_sum bigint NOT NULL DEFAULT 0, delay_n integer NOT NULL DEFAULT 0, delay_sum bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (${KEY})
      )`);
    // An assignment whose item is gone (a cascade) was counted out by the item's BEFORE DELETE trigger.
    await q.query(`
      CREATE FUNCTION report_unit_classes_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${apply(rows('new_rows a JOIN tasks t ON t.id = a.task_id', 'true', '1'))}
        ELSIF TG_OP = 'UPDATE' THEN
          ${apply(`${rows('old_rows a JOIN tasks t ON t.id = a.task_id', 'true', '-1')} UNION ALL ${rows('new_rows a JOIN tasks t ON t.id = a.task_id', 'true', '1')}`)}
        ELSE
          ${apply(rows('old_rows a JOIN tasks t ON t.id = a.task_id', 'true', '-1'))}
        END IF;
        RETURN NULL;
      END $$`);
    const changed = (x: string, y: string) =>
      `(${TASK_COLUMNS.map((c) => `${x}.${c}`).join(', ')}) IS DISTINCT FROM (${TASK_COLUMNS.map((c) => `${y}.${c}`).join(', ')})`;
    await q.query(`
      CREATE FUNCTION report_unit_classes_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${apply(`${rows('old_rows t JOIN new_rows n ON n.id = t.id JOIN assignments a ON a.task_id = t.id', changed('t', 'n'), '-1')}
                 UNION ALL
                 ${rows('new_rows t JOIN old_rows o ON o.id = t.id JOIN assignments a ON a.task_id = t.id', changed('o', 't'), '1')}`)}
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_unit_classes_task_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${apply(rows(`assignments a CROSS JOIN (SELECT ${TASK_COLUMNS.map((c) => `OLD.${c} AS ${c}`).join(', ')}) t`, 'a.task_id = OLD.id', '-1'))}
        RETURN OLD;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_unit_classes_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE report_unit_classes;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER report_unit_classes_${op.toLowerCase()} AFTER ${op} ON assignments REFERENCING ${refs}
                     FOR EACH STATEMENT EXECUTE FUNCTION report_unit_classes_assignments()`);
    }
    await q.query(`CREATE TRIGGER report_unit_classes_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_unit_classes_tasks()`);
    await q.query(`CREATE TRIGGER report_unit_classes_delete BEFORE DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION report_unit_classes_task_delete()`);
    for (const table of ['tasks', 'assignments']) {
      await q.query(`CREATE TRIGGER report_unit_classes_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION report_unit_classes_truncate()`);
    }
    await q.query(apply(rows('assignments a JOIN tasks t ON t.id = a.task_id', 'true', '1')));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_unit_classes_${t} ON assignments`);
    for (const t of ['update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_unit_classes_${t} ON tasks`);
    await q.query(`DROP FUNCTION IF EXISTS report_unit_classes_assignments(), report_unit_classes_tasks(), report_unit_classes_task_delete(), report_unit_classes_truncate()`);
    await q.query(`DROP TABLE IF EXISTS report_unit_classes`);
  }
}
