import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log's append-only trigger fired per row, and TRUNCATE fires no row triggers: one statement
 * emptied the log. A statement-level trigger refuses TRUNCATE too. The one legitimate TRUNCATE is
 * `restore --replace`, which rewrites the whole database from a backup that holds the log; it says so
 * with a transaction-local setting that lasts only for its own transaction.
 */
export class AuditTruncateGuard1732200000000 implements MigrationInterface {
  name = 'AuditTruncateGuard1732200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_events_no_truncate() RETURNS trigger AS $$
      BEGIN
        IF coalesce(current_setting('duban.restoring', true), '') = 'on' THEN RETURN NULL; END IF;
        RAISE EXCEPTION 'audit_events is append-only';
      END $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_no_truncate()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events`);
    await q.query(`DROP FUNCTION IF EXISTS audit_events_no_truncate()`);
  }
}
