import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scanned plans are read by OCR in the worker: their import row exists (status 'ocr_pending') before
 * there is a parsed plan, and carries the job's progress. The row is the job's source of truth; the
 * partial index finds rows to re-enqueue when a worker starts.
 */
export class OcrImports1733600000000 implements MigrationInterface {
  name = 'OcrImports1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE imports ALTER COLUMN parsed DROP NOT NULL`);
    await q.query(`ALTER TABLE imports ADD COLUMN ocr jsonb`);
    await q.query(`CREATE INDEX imports_ocr_pending ON imports (created_at) WHERE status = 'ocr_pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS imports_ocr_pending`);
    await q.query(`DELETE FROM imports WHERE parsed IS NULL`);
    await q.query(`ALTER TABLE imports DROP COLUMN ocr`);
    await q.query(`ALTER TABLE imports ALTER COLUMN parsed SET NOT NULL`);
  }
}
