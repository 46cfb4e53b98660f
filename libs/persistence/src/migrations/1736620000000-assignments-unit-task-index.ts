import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /tasks in a unit's scope (a unit user's list, ?unitId=) at 100k items and more (issue #18):
 * the unit's item ids in one index, read without visiting the assignments' rows. Before, the count
 * of the near months (task-list-total.ts) and a light filter's candidates fetched every assignment
 * of the unit from the heap (assignments_unit_idx holds the role, not the item), ~6k rows at 100k.
 */
export class AssignmentsUnitTaskIndex1736620000000 implements MigrationInterface {
  name = 'AssignmentsUnitTaskIndex1736620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS assignments_unit_task_idx ON assignments (unit_id, task_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS assignments_unit_task_idx`);
  }
}
