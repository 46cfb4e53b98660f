import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, TEST_DATABASE_URL } from '../support/database';
import { ENTRY, freePort, runApp } from '../support/processes';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const seedPath = (prefix: string) => join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix))!);

describe('npm run cli -- import', () => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let dir: string;

  beforeAll(async () => {
    schema = await createTestSchema();
    dir = mkdtempSync(join(tmpdir(), 'duban-cli-'));
  });
  afterAll(async () => {
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('--dry-run --json prints the contract JSON and nothing else, without touching any database', async () => {
    // A database URL nobody answers: the dry run must not need it.
    const cli = runApp(ENTRY.cli, { DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/none` }, [
      'import', seedPath('002'), '--dry-run', '--json',
    ]);
    expect((await cli.exited).code).toBe(0);
    const plan = JSON.parse(cli.stdout());
    expect(Object.keys(plan).sort()).toEqual(['plan', 'targets', 'tasks', 'warnings']);
    expect(plan.tasks).toHaveLength(30);
    const item2 = plan.tasks.find((t: { code: string }) => t.code === 'A-2');
    expect(item2.steps.map((s: { deadline: string }) => s.deadline)).toEqual(['2015-05-31', '2015-05-31', '2015-12-31']);
  });

  it('--dry-run prints a readable summary', async () => {
    const cli = runApp(ENTRY.cli, {}, ['import', seedPath('004'), '--dry-run']);
    expect((await cli.exited).code).toBe(0);
    expect(cli.stdout()).toContain('2021年潜江市科技工作要点');
    expect(cli.stdout()).toMatch(/tasks:\s+18/);
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.txt'), /cannot read the file \(ENOENT\)/],
    ['a document without items', () => {
      const p = join(dir, 'notes.txt');
      writeFileSync(p, '会议通知\n请各单位准时参加。\n');
      return p;
    }, /import failed: .*\(line \d+\)/],
  ])('stops on %s with one line and exit code 1', async (_, file, message) => {
    const cli = runApp(ENTRY.cli, {}, ['import', file(), '--dry-run']);
    expect((await cli.exited).code).toBe(1);
    expect(cli.stderr()).toMatch(message);
    expect(cli.stderr().trim().split('\n')).toHaveLength(1);
    expect(cli.stdout()).toBe('');
  });

  it('saves a plan, and the same document again changes nothing', async () => {
    const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema.schema };
    const first = runApp(ENTRY.cli, env, ['import', seedPath('003')]);
    expect((await first.exited).code).toBe(0);
    expect(first.stdout()).toMatch(/saved plan [0-9a-f-]{36} with 22 tasks/);
    const again = runApp(ENTRY.cli, env, ['import', seedPath('003')]);
    expect((await again.exited).code).toBe(0);
    expect(again.stdout()).toMatch(/unchanged: this document was imported before; nothing saved/);
  });
});
