import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The summary report (issue #18) sums working items due past its near windows from the report
 * counts and reads them one by one only for the light's progress rule (yellow or green): this
 * index holds exactly what that rule needs, so those rows come from the index alone.
 */
export class SummaryWorkingIndex1736300000000 implements MigrationInterface {
  name = 'SummaryWorkingIndex1736300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS tasks_working_due_idx ON tasks (due_at) INCLUDE (plan_id, progress, created_at)
                    WHERE status IN ('assigned', 'acknowledged', 'in_progress', 'returned')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS tasks_working_due_idx`);
  }
}
