import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counts of lead/responsible assignments per (unit, role, item cancelled, Shanghai assignment date,
 * Shanghai acknowledgement date), so the appraisal's late acknowledgements (issue #18) are a sum
 * over keys instead of a pass over every assignment. The acknowledgement deadline of an assignment
 * date comes from the working-day calendar at report time, so it is not stored: a key acknowledged
 * after the deadline's date is late, before it on time, and only acknowledgements on the deadline's
 * own date are read row by row (assignments_ack_days_idx). Not acknowledged: the date is 'infinity'
 * and the clock decides for the whole key.
 *
 * Kept like report_unit_counts (1734000000000): statement-level triggers with transition tables in
 * the writing transaction; an item's cancellation moves its assignments between keys; deleting an
 * item counts its assignments out in a BEFORE DELETE row trigger (the cascade runs when the item row
 * is gone); TRUNCATE empties it. Backups skip it; restoring the rows rebuilds it.
 */
const DAY = (col: string) => `((${col} AT TIME ZONE 'Asia/Shanghai')::date)`;
const KEY = 'unit_id, role, cancelled, created_day, ack_day';
/** Key and signed count of assignment rows `a` whose item is `t`. */
const cols = (t: string, a: string, sign: string) => `
  ${a}.unit_id, ${a}.role, ${t}.status = 'cancelled' AS cancelled, ${DAY(`${a}.created_at`)} AS created_day,
  COALESCE(${DAY(`${a}.acknowledged_at`)}, 'infinity'::date) AS ack_day, ${sign} AS n`;
const COUNTED = (a: string) => `${a}.role IN ('lead', 'responsible')`;
const apply = (source: string) => `INSERT INTO report_ack_counts AS c (${KEY}, n)
    SELECT ${KEY}, sum(n) FROM (${source}) d GROUP BY ${KEY} HAVING sum(n) <> 0
    ON CONFLICT (${KEY}) DO UPDATE SET n = c.n + EXCLUDED.n;`;

export class ReportAckCounts1736210000000 implements MigrationInterface {
  name = 'ReportAckCounts1736210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_ack_counts (
        unit_id uuid NOT NULL, role text NOT NULL, cancelled boolean NOT NULL,
        created_day date NOT NULL, ack_day date NOT NULL, n integer NOT NULL DEFAULT 0,
        PRIMARY KEY (${KEY})
      )`);
    await q.query(`
      CREATE FUNCTION report_ack_counts_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${apply(`SELECT ${cols('t', 'a', '1')} FROM new_rows a JOIN tasks t ON t.id = a.task_id WHERE ${COUNTED('a')}`)}
        ELSIF TG_OP = 'UPDATE' THEN
          ${apply(`SELECT ${cols('t', 'a', '-1')} FROM old_rows a JOIN tasks t ON t.id = a.task_id WHERE ${COUNTED('a')}
                   UNION ALL SELECT ${cols('t', 'a', '1')} FROM new_rows a JOIN tasks t ON t.id = a.task_id WHERE ${COUNTED('a')}`)}
        ELSE
          -- An assignment whose item is gone was counted out by the item's BEFORE DELETE trigger.
          ${apply(`SELECT ${cols('t', 'a', '-1')} FROM old_rows a JOIN tasks t ON t.id = a.task_id WHERE ${COUNTED('a')}`)}
        END IF;
        RETURN NULL;
      END $$`);
    // Only a change of "cancelled" moves an item's assignments; every other item update touches nothing.
    await q.query(`
      CREATE FUNCTION report_ack_counts_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${apply(`SELECT ${cols('o', 'a', '-1')} FROM old_rows o JOIN new_rows t ON t.id = o.id JOIN assignments a ON a.task_id = o.id
                  WHERE (o.status = 'cancelled') <> (t.status = 'cancelled') AND ${COUNTED('a')}
                 UNION ALL
                 SELECT ${cols('t', 'a', '1')} FROM old_rows o JOIN new_rows t ON t.id = o.id JOIN assignments a ON a.task_id = o.id
                  WHERE (o.status = 'cancelled') <> (t.status = 'cancelled') AND ${COUNTED('a')}`)}
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_ack_counts_task_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${apply(`SELECT ${cols('t', 'a', '-1')} FROM assignments a CROSS JOIN (SELECT OLD.status AS status) t
                  WHERE a.task_id = OLD.id AND ${COUNTED('a')}`)}
        RETURN OLD;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_ack_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE report_ack_counts;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER report_ack_counts_${op.toLowerCase()} AFTER ${op} ON assignments REFERENCING ${refs}
                     FOR EACH STATEMENT EXECUTE FUNCTION report_ack_counts_assignments()`);
    }
    await q.query(`CREATE TRIGGER report_ack_counts_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                   FOR EACH STATEMENT EXECUTE FUNCTION report_ack_counts_tasks()`);
    await q.query(`CREATE TRIGGER report_ack_counts_delete BEFORE DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION report_ack_counts_task_delete()`);
    for (const table of ['tasks', 'assignments']) {
      await q.query(`CREATE TRIGGER report_ack_counts_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION report_ack_counts_truncate()`);
    }
    await q.query(apply(`SELECT ${cols('t', 'a', '1')} FROM assignments a JOIN tasks t ON t.id = a.task_id WHERE ${COUNTED('a')}`));
    // The acknowledgements on their deadline's date, read one by one.
    await q.query(`CREATE INDEX assignments_ack_days_idx ON assignments (${DAY('created_at')}, ${DAY('acknowledged_at')})
                   INCLUDE (unit_id, task_id, acknowledged_at) WHERE ${COUNTED('assignments')} AND acknowledged_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS assignments_ack_days_idx`);
    for (const t of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_ack_counts_${t} ON assignments`);
    for (const t of ['update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_ack_counts_${t} ON tasks`);
    await q.query(`DROP FUNCTION IF EXISTS report_ack_counts_assignments(), report_ack_counts_tasks(), report_ack_counts_task_delete(), report_ack_counts_truncate()`);
    await q.query(`DROP TABLE IF EXISTS report_ack_counts`);
  }
}
