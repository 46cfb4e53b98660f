import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence files (佐证材料) and plan source documents: metadata and SHA-256 only, the bytes are in
 * the file store. A file is unattached after upload and belongs to one thing once a progress report,
 * submission, comment or plan takes it. Owners are never deleted today; should one be, its files
 * fall back to unattached (SET NULL) and the hourly clean-up removes them with their bytes.
 */
export class Files1733200000000 implements MigrationInterface {
  name = 'Files1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE files (
        id uuid PRIMARY KEY,
        storage_key text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL,
        mime text NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        attached_to text CHECK (attached_to IN ('progress', 'submission', 'comment', 'plan', 'plan_source')),
        attached_at timestamptz,
        task_id uuid REFERENCES tasks(id) ON DELETE SET NULL,
        plan_id uuid REFERENCES plans(id) ON DELETE SET NULL,
        progress_report_id uuid REFERENCES progress_reports(id) ON DELETE SET NULL,
        comment_id uuid REFERENCES comments(id) ON DELETE SET NULL,
        import_id uuid REFERENCES imports(id) ON DELETE SET NULL,
        CHECK ((attached_to IS NULL) = (attached_at IS NULL))
      )`);
    await q.query(`CREATE INDEX files_task_idx ON files (task_id, uploaded_at) WHERE task_id IS NOT NULL`);
    await q.query(`CREATE INDEX files_plan_idx ON files (plan_id, uploaded_at) WHERE plan_id IS NOT NULL`);
    await q.query(`CREATE INDEX files_progress_idx ON files (progress_report_id) WHERE progress_report_id IS NOT NULL`);
    await q.query(`CREATE INDEX files_comment_idx ON files (comment_id) WHERE comment_id IS NOT NULL`);
    await q.query(`CREATE INDEX files_import_idx ON files (import_id) WHERE import_id IS NOT NULL`);
    // The clean-up's scan: files nothing holds.
    await q.query(`CREATE INDEX files_loose_idx ON files (uploaded_at) WHERE task_id IS NULL AND plan_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE files`);
  }
}
