import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { createTestSchema, TEST_DATABASE_URL } from '../support/database';
import { docx, pdf, png } from '../support/evidence-files';
import { runCli } from '../support/cli';
import { FilesRig, startFilesRig } from './files-fixture';

const keyOf = (id: string) => `${id.slice(0, 2)}/${id}`;

/** The files rows of a schema, as comparable text. */
async function fileRows(schema: string): Promise<string[]> {
  const c = new Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    const r = await c.query(`SELECT f::text AS t FROM "${schema}".files f ORDER BY id`);
    return r.rows.map((x) => x.t);
  } finally {
    await c.end();
  }
}

describe('npm run cli -- backup / restore with stored files (local store)', () => {
  let r: FilesRig;
  const work = mkdtempSync(join(tmpdir(), 'duban-files-backup-'));
  const backup = join(work, 'duban.backup.gz');
  const targets: Awaited<ReturnType<typeof createTestSchema>>[] = [];
  const bytes: Record<string, Buffer> = {};
  let lost: string;
  let made: { code: number | null; stdout: string; stderr: string };
  const cli = (schema: string, dataDir: string, ...args: string[]) => runCli(schema, args, { DATA_DIR: dataDir });
  const freshTarget = async () => {
    const t = await createTestSchema();
    targets.push(t);
    const dir = mkdtempSync(join(work, 'target-'));
    expect((await cli(t.schema, dir, 'migrate')).code).toBe(0);
    return { schema: t.schema, dir };
  };

  beforeAll(async () => {
    r = await startFilesRig('local');
    const id = r.w.taskIds['2'];
    const photo = png();
    const report = pdf(2 * 1024 * 1024 + 7);
    const word = await docx();
    const up = [
      [await r.upload('assist_staff', '现场照片.png', photo).expect(201), photo],
      [await r.upload('assist_staff', '情况报告.pdf', report).expect(201), report],
      [await r.upload('assist_staff', '未提交.docx', word).expect(201), word],
    ] as const;
    for (const [res, b] of up) bytes[res.body.id] = b;
    await r.w.http
      .post(`/tasks/${id}/comments`)
      .set(r.auth('assist_staff'))
      .send({ body: '见附件', fileIds: [up[0][0].body.id, up[1][0].body.id] })
      .expect(201);
    // An unattached upload whose bytes are already gone (as when the clean-up runs during a backup).
    lost = up[2][0].body.id;
    unlinkSync(join(r.dataDir, 'files', keyOf(lost)));
    made = await cli(r.w.schema, r.dataDir, 'backup', backup);
  });
  afterAll(async () => {
    await r?.close();
    for (const t of targets) await t.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('carries the stored files: a restore into an empty database and store gives the same rows and identical bytes', async () => {
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/backup written to .*: \d+ tables, \d+ rows, 3 files \(\d+ bytes\)/);
    expect(made.stderr).toContain(`files: 1 without bytes in the store (left out): ${keyOf(lost)}`);

    const t = await freshTarget();
    const restored = await cli(t.schema, t.dir, 'restore', backup);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/restored \d+ rows and 2 files from/);
    const source = (await fileRows(r.w.schema)).filter((row) => !row.includes(lost));
    expect(await fileRows(t.schema)).toEqual(source);
    for (const [id, b] of Object.entries(bytes)) {
      const p = join(t.dir, 'files', keyOf(id));
      if (id === lost) expect(existsSync(p)).toBe(false);
      else expect(createHash('sha256').update(readFileSync(p)).digest('hex')).toBe(createHash('sha256').update(b).digest('hex'));
    }
  });

  it('leaves neither rows nor files behind when the backup is cut short inside a file', async () => {
    const lines = gunzipSync(readFileSync(backup)).toString('utf8').trimEnd().split('\n');
    // The last data line of the 2 MB report: its file is then incomplete.
    const lastChunk = lines.map((l) => JSON.parse(l)).findLastIndex((l) => 'c' in l);
    expect(lastChunk).toBeGreaterThan(0);
    const cut = join(work, 'cut.backup.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, lastChunk).join('\n')));
    const t = await freshTarget();
    const res = await cli(t.schema, t.dir, 'restore', cut);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/cut\.backup\.gz is truncated: 2 of 3 files/);
    expect(await fileRows(t.schema)).toEqual([]);
    for (const id of Object.keys(bytes)) expect(existsSync(join(t.dir, 'files', keyOf(id)))).toBe(false);
  });

  it('with --replace, removes the files of the replaced database that the backup does not hold', async () => {
    const t = await freshTarget();
    expect((await cli(t.schema, t.dir, 'restore', backup)).code).toBe(0);
    const strayId = '00000000-0000-4000-8000-000000000001';
    mkdirSync(join(t.dir, 'files', '00'), { recursive: true });
    writeFileSync(join(t.dir, 'files', keyOf(strayId)), 'stray');
    const c = new Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(
      `INSERT INTO "${t.schema}".files (id, storage_key, name, kind, mime, size, sha256) VALUES ($1, $2, 'x.pdf', 'pdf', 'application/pdf', 5, $3)`,
      [strayId, keyOf(strayId), createHash('sha256').update('stray').digest('hex')],
    );
    await c.end();
    const res = await cli(t.schema, t.dir, 'restore', backup, '--replace');
    expect(res.code).toBe(0);
    expect(existsSync(join(t.dir, 'files', keyOf(strayId)))).toBe(false);
    expect(await fileRows(t.schema)).toEqual((await fileRows(r.w.schema)).filter((row) => !row.includes(lost)));
  });
});
