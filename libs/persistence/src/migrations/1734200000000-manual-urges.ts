import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 催办 by hand (POST /tasks/urge): the supervisor's words travel with the reminder row to the mail, so a
 * retry or a takeover by another worker sends the same text.
 */
export class ManualUrges1734200000000 implements MigrationInterface {
  name = 'ManualUrges1734200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reminders ADD COLUMN IF NOT EXISTS note text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reminders DROP COLUMN IF EXISTS note`);
  }
}
