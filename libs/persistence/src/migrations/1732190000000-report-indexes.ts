import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the reports need at 100k items (bench/reports):
 * - tasks_indicators_idx: the indicators report reads only items that have quantified targets
 *   (a few percent of items) instead of unnesting every item's `indicators`.
 * - assignments_created_idx: the appraisal report's acknowledgement calendar starts at the oldest
 *   assignment's date; min(created_at) becomes one index probe instead of a scan.
 */
export class ReportIndexes1732190000000 implements MigrationInterface {
  name = 'ReportIndexes1732190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX tasks_indicators_idx ON tasks (plan_id) WHERE jsonb_typeof(indicators) = 'array' AND indicators <> '[]'::jsonb`,
    );
    await q.query(`CREATE INDEX assignments_created_idx ON assignments (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS assignments_created_idx`);
    await q.query(`DROP INDEX IF EXISTS tasks_indicators_idx`);
  }
}
