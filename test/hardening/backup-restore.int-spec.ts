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
  let target: Awaited<ReturnType<typeof createTestSchema>>;
  const cli = (schema: string, ...args: string[]) => runCli(schema, args);

  beforeAll(async () => {
    source = await createTestSchema();
    target = await createTestSchema();
    const demo = await cli(source.schema, 'demo');
    expect(demo.code).toBe(0);
  });
  afterAll(async () => {
    await source.drop();
    await target.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into an empty database to an identical state', async () => {
    const backup = await cli(source.schema, 'backup', file);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backup written to .*: \d+ tables, \d+ rows/);
    const migrate = await cli(target.schema, 'migrate');
    expect(migrate.code).toBe(0);
    const restore = await cli(target.schema, 'restore', file);
    expect(restore.code).toBe(0);
    const before = await fingerprint(source.schema);
    expect(Object.keys(before).length).toBeGreaterThan(15);
    expect(Number(before.tasks.split(':')[0])).toBe(102);
    expect(await fingerprint(target.schema)).toEqual(before);
  });

  it('refuses a non-empty database unless --replace, and changes nothing when it refuses', async () => {
    const before = await fingerprint(target.schema);
    const again = await cli(target.schema, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not empty; restore into an empty database or pass --replace/);
    expect(await fingerprint(target.schema)).toEqual(before);
    const replace = await cli(target.schema, 'restore', file, '--replace');
    expect(replace.code).toBe(0);
    expect(await fingerprint(target.schema)).toEqual(await fingerprint(source.schema));
  });

  it('rolls back completely when the backup is truncated', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const cut = join(dir, 'cut.backup.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const before = await fingerprint(target.schema);
    const r = await cli(target.schema, 'restore', cut, '--replace');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is truncated/);
    expect(await fingerprint(target.schema)).toEqual(before);
  });
});
