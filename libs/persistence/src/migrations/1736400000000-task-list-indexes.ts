import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /tasks at 100k items (issue #18): each documented order has an index ending in the id
 * tie-breaker, so a page is read in index order instead of sorting every visible item
 * ((due_at, id) replaces (due_at), which it serves as well); and the text search (q=, ILIKE
 * '%…%' on title, content and code) reads trigram indexes where pg_trgm can be installed.
 */
export class TaskListIndexes1736400000000 implements MigrationInterface {
  name = 'TaskListIndexes1736400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS tasks_due_id_idx ON tasks (due_at, id)`);
    await q.query(`DROP INDEX IF EXISTS tasks_due_idx`);
    await q.query(`CREATE INDEX IF NOT EXISTS tasks_code_id_idx ON tasks (code, id)`);
    await q.query(`CREATE INDEX IF NOT EXISTS tasks_updated_id_idx ON tasks (updated_at, id)`);
    // pg_trgm is one per database, in whichever schema first installed it (public where there is one:
    // a schema's own copy would go, with every other schema's trigram indexes, when it is dropped, as
    // the tests' schemas are), so its operator class is named with that schema. Where it cannot be
    // installed (no privilege; the embedded PGlite, which loads no contrib module) q= reads every
    // item, as before, and answers the same.
    await q.query(`DO $$
      DECLARE s text;
      BEGIN
        SELECT n.nspname INTO s FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
        IF s IS NULL THEN
          BEGIN
            CREATE EXTENSION pg_trgm SCHEMA public;
          EXCEPTION WHEN OTHERS THEN
            BEGIN
              CREATE EXTENSION pg_trgm;
            EXCEPTION WHEN OTHERS THEN
              RAISE NOTICE 'pg_trgm not installed (%): q= reads every item', SQLERRM;
            END;
          END;
          SELECT n.nspname INTO s FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
        END IF;
        IF s IS NOT NULL THEN
          EXECUTE format('CREATE INDEX IF NOT EXISTS tasks_title_trgm_idx ON tasks USING gin (title %I.gin_trgm_ops)', s);
          EXECUTE format('CREATE INDEX IF NOT EXISTS tasks_content_trgm_idx ON tasks USING gin (content %I.gin_trgm_ops)', s);
          EXECUTE format('CREATE INDEX IF NOT EXISTS tasks_code_trgm_idx ON tasks USING gin (code %I.gin_trgm_ops)', s);
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const i of ['tasks_title_trgm_idx', 'tasks_content_trgm_idx', 'tasks_code_trgm_idx', 'tasks_updated_id_idx', 'tasks_code_id_idx']) {
      await q.query(`DROP INDEX IF EXISTS ${i}`);
    }
    await q.query(`CREATE INDEX IF NOT EXISTS tasks_due_idx ON tasks (due_at)`);
    await q.query(`DROP INDEX IF EXISTS tasks_due_id_idx`);
  }
}
