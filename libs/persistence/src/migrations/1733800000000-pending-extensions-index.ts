import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervisor's 待审批延期 queue (GET /tasks?extensionPending=true) asks, per item, whether an
 * extension request waits for a decision; pending requests are few, so a partial index answers it.
 */
export class PendingExtensionsIndex1733800000000 implements MigrationInterface {
  name = 'PendingExtensionsIndex1733800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS extension_requests_pending_idx ON extension_requests (task_id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS extension_requests_pending_idx`);
  }
}
