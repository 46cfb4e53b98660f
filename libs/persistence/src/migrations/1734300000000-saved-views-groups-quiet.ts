import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #14, part 2's last pieces:
 * - saved_views: a person's named 总台账 filters (the query string the page keeps in its address);
 * - assignments.quiet_before: a unit assigned without notice (批量指派, 不通知) is not sent the reminders
 *   whose time had already passed when it was assigned, so recomputing the schedule later cannot send them;
 * - unit_groups.version: groups are edited on the 单位管理 page, so a stale edit must be told apart.
 */
export class SavedViewsGroupsQuiet1734300000000 implements MigrationInterface {
  name = 'SavedViewsGroupsQuiet1734300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS saved_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        page text NOT NULL,
        name text NOT NULL,
        query text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, page, name)
      )`);
    await q.query(`ALTER TABLE assignments ADD COLUMN IF NOT EXISTS quiet_before timestamptz`);
    await q.query(`ALTER TABLE unit_groups ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE unit_groups DROP COLUMN IF EXISTS version`);
    await q.query(`ALTER TABLE assignments DROP COLUMN IF EXISTS quiet_before`);
    await q.query(`DROP TABLE IF EXISTS saved_views`);
  }
}
