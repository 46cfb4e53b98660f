import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The appraisal report (issue #18) leaves out the acknowledgements of cancelled items on their
 * deadline's date by hashing the cancelled items' ids once per request; this index gives those ids
 * without visiting the items.
 */
export class TasksCancelledIndex1736411000000 implements MigrationInterface {
  name = 'TasksCancelledIndex1736411000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS tasks_cancelled_idx ON tasks (id) WHERE status = 'cancelled'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS tasks_cancelled_idx`);
  }
}
