import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue report's page for every item or one plan (issue #18): open items in the report's order
 * (Shanghai deadline date, then code and id), so the page is the first rows of an index walk. Before,
 * every overdue item due up to the page's last deadline date was read and sorted: a whole day's
 * deadlines (~1.3k rows at 1M items) for 20 rows.
 */
export class TasksOverduePageIndex1736670000000 implements MigrationInterface {
  name = 'TasksOverduePageIndex1736670000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS tasks_overdue_page_idx ON tasks (((due_at AT TIME ZONE 'Asia/Shanghai')::date), code, id)
                   WHERE status NOT IN ('completed', 'cancelled', 'suspended')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS tasks_overdue_page_idx`);
  }
}
