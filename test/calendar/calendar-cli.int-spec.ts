import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema } from '../support/database';
import { countRows, runCli } from '../support/cli';
import { NOTICE_2027 } from './notice-2027';

describe('npm run cli -- calendar-*', () => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let dir: string;
  const cli = (...args: string[]) => runCli(schema.schema, args);
  const days2027 = () => countRows(schema.schema, 'calendar_days', 'year = 2027');

  beforeAll(async () => {
    schema = await createTestSchema();
    dir = mkdtempSync(join(tmpdir(), 'duban-cal-'));
    expect((await cli('migrate')).code).toBe(0);
  });
  afterAll(async () => {
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a notice it cannot read, naming the problem, and writes nothing', async () => {
    const before = await days2027();
    const file = join(dir, 'bad.txt');
    writeFileSync(file, NOTICE_2027.replace('2月5日（农历除夕、周五）', '2月5日（农历除夕、周六）'));
    const r = await cli('calendar-import', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('calendar unchanged:');
    expect(r.stderr).toContain('春节：2月5日（农历除夕、周六） 是星期五，与通知所写不符');
    expect(await days2027()).toBe(before);
  });

  it('previews with --dry-run, imports, shows the year, adds and removes a local rest day', async () => {
    const file = join(dir, '2027.txt');
    writeFileSync(file, NOTICE_2027);
    const before = await days2027();
    const dry = await cli('calendar-import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('2027 notice: 7 holidays, 34 days');
    expect(dry.stdout).toContain('春节: 2027-02-05 – 2027-02-12 (8 天); 上班 2027-02-14, 2027-02-20');
    expect(dry.stdout).toContain('dry run: nothing written');
    expect(await days2027()).toBe(before);

    const done = await cli('calendar-import', file);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('2027 imported and complete');
    expect(await days2027()).toBe(34);

    expect((await cli('calendar-set', '2027-03-10', 'local_rest', '市庆日')).code).toBe(0);
    const shown = await cli('calendar-show', '2027');
    expect(shown.stdout).toContain('2027: complete, source notice');
    expect(shown.stdout).toMatch(/2027-03-10 +本地休息日 +市庆日 +\(admin\)/);
    expect(shown.stdout).toMatch(/2027-10-09 +调休上班 +国庆节 +\(notice\)/);

    const wrong = await cli('calendar-set', '2027-03-13', 'local_rest', '周六');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('2027-03-13 是周末，本来就休息');
    expect((await cli('calendar-remove', '2027-03-10')).code).toBe(0);
    expect(await days2027()).toBe(34);
  });
});
