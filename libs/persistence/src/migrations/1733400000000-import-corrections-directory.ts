import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The correctable import and the organisation directory:
 * - imports keep the supervisor's corrected draft beside the document as read (`parsed`), with the
 *   corrections made by hand, the unit mappings, and a version for optimistic concurrency;
 * - unit_aliases: names a supervisor mapped onto a unit, remembered for the next import. A name such
 *   as 区发改局 means another unit in every district, so such a name is scoped to the issuer of the
 *   document it was learned from ('' = any document);
 * - users get a phone number (the office's directory has one);
 * - directory_imports: a previewed directory file (its rows), committed later.
 */
export class ImportCorrectionsDirectory1733400000000 implements MigrationInterface {
  name = 'ImportCorrectionsDirectory1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE imports
        ADD COLUMN draft jsonb,
        ADD COLUMN corrections jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN unit_mappings jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE TABLE unit_aliases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units(id) ON DELETE CASCADE,
        alias text NOT NULL,
        scope text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (alias, scope)
      )`);
    await q.query(`CREATE INDEX unit_aliases_unit_idx ON unit_aliases (unit_id)`);
    await q.query(`ALTER TABLE users ADD COLUMN phone text`);
    await q.query(`
      CREATE TABLE directory_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'previewed',
        file_name text NOT NULL,
        rows jsonb NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        committed_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS directory_imports`);
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS phone`);
    await q.query(`DROP TABLE IF EXISTS unit_aliases`);
    await q.query(`ALTER TABLE imports DROP COLUMN draft, DROP COLUMN corrections, DROP COLUMN unit_mappings, DROP COLUMN version`);
  }
}
