import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people report (issue #18) starts from the listed users: the (item, unit) pairs a person
 * reported progress on are found by author, not by reading every assignment's last report.
 */
export class PeopleReportIndex1736200000000 implements MigrationInterface {
  name = 'PeopleReportIndex1736200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS progress_author_idx ON progress_reports (author_id, task_id, unit_id) WHERE author_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS progress_author_idx`);
  }
}
