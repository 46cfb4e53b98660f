import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The appraisal's notices (issue #18) without reading the sent reminders: sent reminders per (unit,
 * notice level, reason, kind), so yellow, red and progress-cycle urges per unit are a sum over a few
 * keys per unit instead of one index entry per reminder (30k at 100k items, 300k at 1M).
 *
 * Kept like report_item_counts (1734000000000): statement-level triggers with transition tables in
 * the writing transaction, TRUNCATE empties it, backups skip it and restoring the reminders rebuilds
 * it. Only rows in state 'sent' count, so the reminder engine's other writes (planning, claims,
 * renewals, cancellations) select nothing from their transition tables and write no count row; a
 * settle that marks reminders sent adds one upsert per key. Keys are written in key order, so two
 * statements that touch the same keys lock them in the same order (no deadlock between workers).
 */
const KEY = 'unit_id, notice_level, reason, kind';
/** The sent rows of `source` (a reminders row source) the counts hold, signed. */
const from = (source: string, sign: string) => `
  SELECT ${KEY}, ${sign} AS n FROM ${source} WHERE state = 'sent' AND unit_id IS NOT NULL`;
const apply = (source: string) => `INSERT INTO report_notice_counts AS c (${KEY}, n)
    SELECT ${KEY}, sum(n) FROM (${source}) d GROUP BY ${KEY} HAVING sum(n) <> 0 ORDER BY ${KEY}
    ON CONFLICT (${KEY}) DO UPDATE SET n = c.n + EXCLUDED.n;`;

export class ReportNoticeCounts1736610000000 implements MigrationInterface {
  name = 'ReportNoticeCounts1736610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_notice_counts (
        unit_id uuid NOT NULL, notice_level text NOT NULL, reason text NOT NULL, kind text NOT NULL, n integer NOT NULL DEFAULT 0,
        PRIMARY KEY (${KEY})
      )`);
    await q.query(`
      CREATE FUNCTION report_notice_counts_reminders() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${apply(from('new_rows', '1'))}
        ELSIF TG_OP = 'UPDATE' THEN
          ${apply(`${from('old_rows', '-1')} UNION ALL ${from('new_rows', '1')}`)}
        ELSE
          ${apply(from('old_rows', '-1'))}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_notice_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE report_notice_counts;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const refs = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER report_notice_counts_${op.toLowerCase()} AFTER ${op} ON reminders REFERENCING ${refs}
                     FOR EACH STATEMENT EXECUTE FUNCTION report_notice_counts_reminders()`);
    }
    await q.query(`CREATE TRIGGER report_notice_counts_truncate AFTER TRUNCATE ON reminders FOR EACH STATEMENT EXECUTE FUNCTION report_notice_counts_truncate()`);
    await q.query(apply(from('reminders', '1')));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete', 'truncate']) await q.query(`DROP TRIGGER IF EXISTS report_notice_counts_${t} ON reminders`);
    await q.query(`DROP FUNCTION IF EXISTS report_notice_counts_reminders(), report_notice_counts_truncate()`);
    await q.query(`DROP TABLE IF EXISTS report_notice_counts`);
  }
}
