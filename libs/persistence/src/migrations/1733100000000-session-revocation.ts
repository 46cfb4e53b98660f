import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ending a user's sessions at once: access tokens carry the user's session epoch, and bumping it
 * (a password change, an admin's "revoke all sessions") refuses every token issued before. Personal
 * API tokens may expire.
 */
export class SessionRevocation1733100000000 implements MigrationInterface {
  name = 'SessionRevocation1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN session_epoch integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_tokens DROP COLUMN expires_at`);
    await q.query(`ALTER TABLE users DROP COLUMN session_epoch`);
  }
}
