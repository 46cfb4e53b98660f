import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery bookkeeping: a claim lease so a worker killed mid-send does not strand a reminder,
 * and per-recipient delivery rows so a retry never sends to someone twice.
 */
export class ReminderDelivery1732160000000 implements MigrationInterface {
  name = 'ReminderDelivery1732160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reminders ADD COLUMN claimed_until timestamptz`);
    await q.query(`ALTER TABLE reminders ADD COLUMN recipients integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX reminders_sending_idx ON reminders (claimed_until) WHERE state = 'sending'`);
    await q.query(`CREATE INDEX reminders_failed_idx ON reminders (updated_at DESC) WHERE state = 'failed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS reminders_failed_idx`);
    await q.query(`DROP INDEX IF EXISTS reminders_sending_idx`);
    await q.query(`ALTER TABLE reminders DROP COLUMN recipients`);
    await q.query(`ALTER TABLE reminders DROP COLUMN claimed_until`);
  }
}
