import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The appraisal's late acknowledgements per unit kept as a count (issue #18): the report summed
 * report_ack_counts (1736210000000, 1736510000000) and compared every key with its assignment date's
 * deadline, ~12k keys and 4.5 of its 6.8 ms of PostgreSQL per request at 100k items, growing with
 * every day of history.
 *
 * The deadlines come from the working-day calendar, ACK_WORKDAYS and DUE_TIME in the API, so the
 * triggers cannot compute them: ack_deadlines holds the deadline's Shanghai date of each assignment
 * date as the API last wrote it (appraisal.report.ts, syncAckDeadlines), and ack_deadline_sync the
 * fingerprint of that window. report_late_acks counts the acknowledged keys that are late against
 * ack_deadlines: acknowledged after the deadline's date, or on it after 18:00 (ACK_COUNTS_DUE_TIME).
 * A report whose own window has another fingerprint (a new day, a calendar revision, another
 * setting) reads the keys as before and has the API rewrite both tables and recount, under a lock
 * that keeps report_ack_counts' writers out meanwhile. Keys not acknowledged are still compared
 * with the clock per request, through report_ack_counts_open_idx.
 *
 * Kept by statement-level triggers on report_ack_counts itself (its own triggers write it in the
 * transaction that changes an assignment or an item); TRUNCATE of report_ack_counts empties it.
 * Backups skip all three tables.
 */
/** Whether key `d` of report_ack_counts is a late acknowledgement against its date's row `b` of ack_deadlines. */
export const LATE_ACK_KEY = (d: string, b: string) => `NOT ${d}.cancelled AND ${d}.role IN ('lead', 'responsible') AND ${d}.ack_day <> 'infinity'::date
       AND (${d}.ack_day > ${b}.due_day OR (${d}.ack_day = ${b}.due_day AND ${d}.ack_after_due_time))`;
const COLS = 'unit_id, role, cancelled, created_day, ack_day, ack_after_due_time';
const apply = (source: string) => `INSERT INTO report_late_acks AS l (unit_id, n)
    SELECT d.unit_id, sum(d.n) FROM (${source}) d JOIN ack_deadlines b ON b.created_day = d.created_day
     WHERE ${LATE_ACK_KEY('d', 'b')}
     GROUP BY d.unit_id HAVING sum(d.n) <> 0
    ON CONFLICT (unit_id) DO UPDATE SET n = l.n + EXCLUDED.n;`;

export class ReportLateAcks1736660000000 implements MigrationInterface {
  name = 'ReportLateAcks1736660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ack_deadlines (created_day date PRIMARY KEY, due_day date NOT NULL)`);
    await q.query(`CREATE TABLE ack_deadline_sync (one boolean PRIMARY KEY DEFAULT true CHECK (one), fingerprint text NOT NULL)`);
    await q.query(`INSERT INTO ack_deadline_sync (fingerprint) VALUES ('')`);
    await q.query(`CREATE TABLE report_late_acks (unit_id uuid PRIMARY KEY, n integer NOT NULL DEFAULT 0)`);
    await q.query(`
      CREATE FUNCTION report_late_acks_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${apply(`SELECT ${COLS}, n FROM new_rows`)}
        ELSIF TG_OP = 'UPDATE' THEN
          ${apply(`SELECT ${COLS}, -n AS n FROM old_rows UNION ALL SELECT ${COLS}, n FROM new_rows`)}
        ELSE
          ${apply(`SELECT ${COLS}, -n AS n FROM old_rows`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_late_acks_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE report_late_acks;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER report_late_acks_${op.toLowerCase()} AFTER ${op} ON report_ack_counts REFERENCING ${refs}
                     FOR EACH STATEMENT EXECUTE FUNCTION report_late_acks_keys()`);
    }
    await q.query(`CREATE TRIGGER report_late_acks_truncate AFTER TRUNCATE ON report_ack_counts FOR EACH STATEMENT EXECUTE FUNCTION report_late_acks_truncate()`);
    // The keys not acknowledged, compared with the clock on every request.
    await q.query(`CREATE INDEX report_ack_counts_open_idx ON report_ack_counts (created_day) INCLUDE (unit_id, role, n)
                   WHERE ack_day = 'infinity'::date AND NOT cancelled`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS report_ack_counts_open_idx`);
    for (const t of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_late_acks_${t} ON report_ack_counts`);
    await q.query(`DROP FUNCTION IF EXISTS report_late_acks_keys(), report_late_acks_truncate()`);
    await q.query(`DROP TABLE IF EXISTS report_late_acks, ack_deadline_sync, ack_deadlines`);
  }
}
