import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar feeds (订阅日历): a calendar app polls a secret URL without a login, so the URL's token
 * is the credential; only its SHA-256 hash is stored. Plus the indexes the reports need at 100k items.
 */
export class CalendarFeeds1732170000000 implements MigrationInterface {
  name = 'CalendarFeeds1732170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX calendar_feeds_user_idx ON calendar_feeds (user_id) WHERE revoked_at IS NULL`);
    // Trend and on-time figures range over completion times; plan filters over a plan's items.
    await q.query(`CREATE INDEX tasks_completed_idx ON tasks (completed_at) WHERE completed_at IS NOT NULL`);
    await q.query(`CREATE INDEX tasks_plan_due_idx ON tasks (plan_id, due_at)`);
    // Escalation level and notices received are read per item and per unit from sent reminders.
    await q.query(`CREATE INDEX reminders_sent_unit_idx ON reminders (unit_id, notice_level) WHERE state = 'sent'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS reminders_sent_unit_idx`);
    await q.query(`DROP INDEX IF EXISTS tasks_plan_due_idx`);
    await q.query(`DROP INDEX IF EXISTS tasks_completed_idx`);
    await q.query(`DROP TABLE IF EXISTS calendar_feeds`);
  }
}
