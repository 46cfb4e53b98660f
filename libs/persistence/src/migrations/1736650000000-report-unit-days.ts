import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The units report's open items not submitted by their deadline per unit, role and Shanghai DAY of
 * the deadline (issue #18): report_unit_classes (1736320000000) holds them by month (its cls 5), and
 * the month of the clock was corrected row by row: up to half a month's items with their assignments
 * per request (42 ms of a 1M request). With this table the days of this month before the clock's date
 * are summed, and only the clock's own date is read by row (deadlines between its midnight and the
 * clock), as report_appraisal_days (1736630000000) does for the appraisal.
 *
 * Kept like report_appraisal_days: statement-level triggers with transition tables in the writing
 * transaction (an item update moves its assignments only when a column read here changed); deleting
 * an item counts its assignments out in a BEFORE DELETE row trigger; keys that net to zero write
 * nothing; TRUNCATE empties it. Backups skip it; restoring the rows rebuilds it.
 */
const OPEN_LATE = `(t.status NOT IN ('completed', 'cancelled', 'suspended') AND NOT (t.status = 'submitted' AND COALESCE(t.submitted_at <= t.due_at, false)))`;
const KEY = 'due_day, unit_id, role';
/** The item columns the table reads; an update that changes none of them moves nothing. */
const TASK_COLUMNS = ['status', 'due_at', 'submitted_at'];

/** Signed rows of the assignments `a` with their item `t` in `from` (filtered by `where`). */
const rows = (from: string, where: string, sign: string) => `
  SELECT (t.due_at AT TIME ZONE 'Asia/Shanghai')::date AS due_day, a.unit_id, a.role, ${sign} AS n
    FROM ${from}
   WHERE ${where} AND ${OPEN_LATE} AND isfinite(t.due_at)`;

const apply = (source: string) => `INSERT INTO report_unit_days AS c (${KEY}, n)
    SELECT ${KEY}, sum(n) FROM (${source}) d GROUP BY ${KEY} HAVING sum(n) <> 0
    ON CONFLICT (${KEY}) DO UPDATE SET n = c.n + EXCLUDED.n;`;

export class ReportUnitDays1736650000000 implements MigrationInterface {
  name = 'ReportUnitDays1736650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_unit_days (
        due_day date NOT NULL, unit_id uuid NOT NULL, role text NOT NULL, n integer NOT NULL DEFAULT 0,
        PRIMARY KEY (${KEY})
      )`);
    // An assignment whose item is gone (a cascade) was counted out by the item's BEFORE DELETE trigger.
    await q.query(`
      CREATE FUNCTION report_unit_days_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
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
      CREATE FUNCTION report_unit_days_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${apply(`${rows('old_rows t JOIN new_rows n ON n.id = t.id JOIN assignments a ON a.task_id = t.id', changed('t', 'n'), '-1')}
                 UNION ALL
                 ${rows('new_rows t JOIN old_rows o ON o.id = t.id JOIN assignments a ON a.task_id = t.id', changed('o', 't'), '1')}`)}
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_unit_days_task_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${apply(rows(`assignments a CROSS JOIN (SELECT ${TASK_COLUMNS.map((c) => `OLD.${c} AS ${c}`).join(', ')}) t`, 'a.task_id = OLD.id', '-1'))}
        RETURN OLD;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_unit_days_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE report_unit_days;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER report_unit_days_${op.toLowerCase()} AFTER ${op} ON assignments REFERENCING ${refs}
                     FOR EACH STATEMENT EXECUTE FUNCTION report_unit_days_assignments()`);
    }
    await q.query(`CREATE TRIGGER report_unit_days_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_unit_days_tasks()`);
    await q.query(`CREATE TRIGGER report_unit_days_delete BEFORE DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION report_unit_days_task_delete()`);
    for (const table of ['tasks', 'assignments']) {
      await q.query(`CREATE TRIGGER report_unit_days_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION report_unit_days_truncate()`);
    }
    await q.query(apply(rows('assignments a JOIN tasks t ON t.id = a.task_id', 'true', '1')));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_unit_days_${t} ON assignments`);
    for (const t of ['update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_unit_days_${t} ON tasks`);
    await q.query(`DROP FUNCTION IF EXISTS report_unit_days_assignments(), report_unit_days_tasks(), report_unit_days_task_delete(), report_unit_days_truncate()`);
    await q.query(`DROP TABLE IF EXISTS report_unit_days`);
  }
}
