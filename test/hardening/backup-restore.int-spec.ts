import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { createTestSchema, TEST_DATABASE_URL } from '../support/database';
import { runCli } from '../support/cli';

/** Every table's content as one fingerprint per table, independent of physical order. */
async function fingerprint(schema: string): Promise<Record<string, string>> {
  const c = new Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    const tables = await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`, [schema]);
    const out: Record<string, string> = {};
    for (const { tablename } of tables.rows) {
      const r = await c.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${schema}"."${tablename}" x`,
      );
      out[tablename] = `${r.rows[0].n}:${r.rows[0].h}`;
    }
    return out;
  } finally {
    await c.end();
  }
}

describe('npm run cli -- backup / restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-backup-'));
  const file = join(dir, 'duban.backup.gz');
  let source: Awaited<ReturnType<typeof createTestSchema>>;
  let backupOutput: string;
  const schemas: Awaited<ReturnType<typeof createTestSchema>>[] = [];
  const cli = (schema: string, ...args: string[]) => runCli(schema, args);
  /** A migrated, empty database of the test's own. */
  const emptyTarget = async () => {
    const target = await createTestSchema();
    schemas.push(target);
    expect((await cli(target.schema, 'migrate')).code).toBe(0);
    return target;
  };

  // The demo's database and its backup: what every test restores.
  beforeAll(async () => {
    source = await createTestSchema();
    schemas.push(source);
    expect((await cli(source.schema, 'demo')).code).toBe(0);
    const backup = await cli(source.schema, 'backup', file);
    expect(backup.code).toBe(0);
    backupOutput = backup.stdout;
  });
  afterAll(async () => {
    for (const s of schemas) await s.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into an empty database to an identical state', async () => {
    expect(backupOutput).toMatch(/backup written to .*: \d+ tables, \d+ rows/);
    const target = await emptyTarget();
    const restore = await cli(target.schema, 'restore', file);
    expect(restore.code).toBe(0);
    const before = await fingerprint(source.schema);
    expect(Object.keys(before).length).toBeGreaterThan(15);
    expect(Number(before.tasks.split(':')[0])).toBe(102);
    expect(await fingerprint(target.schema)).toEqual(before);
  });

  it('refuses a non-empty database unless --replace, and changes nothing when it refuses', async () => {
    const target = await emptyTarget();
    expect((await cli(target.schema, 'restore', file)).code).toBe(0);
    const before = await fingerprint(target.schema);
    const again = await cli(target.schema, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not empty; restore into an empty database or pass --replace/);
    expect(await fingerprint(target.schema)).toEqual(before);
    const replace = await cli(target.schema, 'restore', file, '--replace');
    // The whole result, so a failure shows the CLI's stderr.
    expect(replace).toMatchObject({ code: 0 });
    expect(await fingerprint(target.schema)).toEqual(await fingerprint(source.schema));
  });

  it('rolls back completely when the backup is truncated', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const cut = join(dir, 'cut.backup.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    // Over a restored database with --replace: the rows it removed, and the half it read, show if it does not roll back.
    const target = await emptyTarget();
    expect((await cli(target.schema, 'restore', file)).code).toBe(0);
    const before = await fingerprint(target.schema);
    const r = await cli(target.schema, 'restore', cut, '--replace');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is truncated/);
    expect(await fingerprint(target.schema)).toEqual(before);
  });
});
