import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The appraisal's late acknowledgements on their deadline's own date without reading them (issue
 * #18). An acknowledgement deadline is the end of a working day at DUE_TIME (an environment
 * setting the triggers do not see), so report_ack_counts (1736210000000) could only tell "before /
 * after the deadline's date" and the report read every acknowledgement given on that date. Its key
 * now also says whether the acknowledgement came after ACK_COUNTS_DUE_TIME (18:00, the default
 * DUE_TIME) on its Shanghai date: for an assignment date whose deadline the calendar puts at exactly
 * that time of day, a key on the deadline's date is late exactly when that flag is set. The report
 * checks the time of day of each date's deadline itself and reads rows only for dates whose deadline
 * is at another time (another DUE_TIME), so the result never depends on this constant being right.
 *
 * The functions are those of 1736210000000 with the new key column; the table is refilled.
 */
export const ACK_COUNTS_DUE_TIME = '18:00';
const DAY = (col: string) => `((${col} AT TIME ZONE 'Asia/Shanghai')::date)`;
const keyOf = (withTime: boolean) => `unit_id, role, cancelled, created_day, ack_day${withTime ? ', ack_after_due_time' : ''}`;
/** Key and signed count of assignment rows `a` whose item is `t`. */
const colsOf = (withTime: boolean) => (t: string, a: string, sign: string) => `
  ${a}.unit_id, ${a}.role, ${t}.status = 'cancelled' AS cancelled, ${DAY(`${a}.created_at`)} AS created_day,
  COALESCE(${DAY(`${a}.acknowledged_at`)}, 'infinity'::date) AS ack_day,
  ${withTime ? `COALESCE((${a}.acknowledged_at AT TIME ZONE 'Asia/Shanghai')::time > time '${ACK_COUNTS_DUE_TIME}', false) AS ack_after_due_time,` : ''}
  ${sign} AS n`;
const COUNTED = (a: string) => `${a}.role IN ('lead', 'responsible')`;

/** The trigger functions of report_ack_counts, for the key with or without the time-of-day flag. */
async function defineFunctions(q: QueryRunner, withTime: boolean): Promise<void> {
  const KEY = keyOf(withTime);
  const cols = colsOf(withTime);
  const apply = (source: string) => `INSERT INTO report_ack_counts AS c (${KEY}, n)
    SELECT ${KEY}, sum(n) FROM (${source}) d GROUP BY ${KEY} HAVING sum(n) <> 0
    ON CONFLICT (${KEY}) DO UPDATE SET n = c.n + EXCLUDED.n;`;
  await q.query(`
    CREATE OR REPLACE FUNCTION report_ack_counts_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
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
  await q.query(`
    CREATE OR REPLACE FUNCTION report_ack_counts_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${apply(`SELECT ${cols('o', 'a', '-1')} FROM old_rows o JOIN new_rows t ON t.id = o.id JOIN assignments a ON a.task_id = o.id
                WHERE (o.status = 'cancelled') <> (t.status = 'cancelled') AND ${COUNTED('a')}
               UNION ALL
               SELECT ${cols('t', 'a', '1')} FROM old_rows o JOIN new_rows t ON t.id = o.id JOIN assignments a ON a.task_id = o.id
                WHERE (o.status = 'cancelled') <> (t.status = 'cancelled') AND ${COUNTED('a')}`)}
      RETURN NULL;
    END $$`);
  await q.query(`
    CREATE OR REPLACE FUNCTION report_ack_counts_task_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${apply(`SELECT ${cols('t', 'a', '-1')} FROM assignments a CROSS JOIN (SELECT OLD.status AS status) t
                WHERE a.task_id = OLD.id AND ${COUNTED('a')}`)}
      RETURN OLD;
    END $$`);
  await q.query(`TRUNCATE report_ack_counts`);
  await q.query(apply(`SELECT ${cols('t', 'a', '1')} FROM assignments a JOIN tasks t ON t.id = a.task_id WHERE ${COUNTED('a')}`));
}

export class ReportAckDueTime1736510000000 implements MigrationInterface {
  name = 'ReportAckDueTime1736510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_ack_counts ADD COLUMN ack_after_due_time boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE report_ack_counts DROP CONSTRAINT report_ack_counts_pkey`);
    await q.query(`ALTER TABLE report_ack_counts ADD PRIMARY KEY (${keyOf(true)})`);
    await defineFunctions(q, true);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_ack_counts DROP CONSTRAINT report_ack_counts_pkey`);
    await q.query(`TRUNCATE report_ack_counts`);
    await q.query(`ALTER TABLE report_ack_counts DROP COLUMN ack_after_due_time`);
    await q.query(`ALTER TABLE report_ack_counts ADD PRIMARY KEY (${keyOf(false)})`);
    await defineFunctions(q, false);
  }
}
