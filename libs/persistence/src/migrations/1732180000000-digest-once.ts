import { MigrationInterface, QueryRunner } from 'typeorm';

/** One daily digest per user and day, even with two workers running the digest job at once. */
export class DigestOnce1732180000000 implements MigrationInterface {
  name = 'DigestOnce1732180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNIQUE INDEX notifications_digest_once_idx ON notifications (user_id, recipient) WHERE channel = 'digest'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS notifications_digest_once_idx`);
  }
}
