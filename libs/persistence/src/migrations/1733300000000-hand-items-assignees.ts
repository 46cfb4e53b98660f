import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 立项 by hand and 分办: a plan records where its items came from (a document import, or a
 * 领导批示 / 会议议定 / … entered by hand); a unit's part of an item can name its 承办人; a unit may let
 * its staff (not only its heads) name them. Additive: existing plans are imported documents.
 */
export class HandItemsAssignees1733300000000 implements MigrationInterface {
  name = 'HandItemsAssignees1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans ADD COLUMN source_type text NOT NULL DEFAULT 'document'`);
    await q.query(`ALTER TABLE plans ADD COLUMN created_by uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE assignments ADD COLUMN assignee_id uuid REFERENCES users(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE assignments ADD COLUMN assigned_at timestamptz`);
    await q.query(`CREATE INDEX assignments_assignee_idx ON assignments (assignee_id) WHERE assignee_id IS NOT NULL`);
    await q.query(`ALTER TABLE units ADD COLUMN staff_may_assign boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE units DROP COLUMN staff_may_assign`);
    await q.query(`DROP INDEX IF EXISTS assignments_assignee_idx`);
    await q.query(`ALTER TABLE assignments DROP COLUMN assigned_at`);
    await q.query(`ALTER TABLE assignments DROP COLUMN assignee_id`);
    await q.query(`ALTER TABLE plans DROP COLUMN created_by`);
    await q.query(`ALTER TABLE plans DROP COLUMN source_type`);
  }
}
