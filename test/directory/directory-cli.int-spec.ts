import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema } from '../support/database';
import { countRows, runCli } from '../support/cli';
import { CITY, cityWorkbook, csv } from './city-directory';

describe('npm run cli -- directory-import / directory-export', () => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let dir: string;
  const cli = (...args: string[]) => runCli(schema.schema, args);
  const count = (table: string) => countRows(schema.schema, table);

  // A database and a folder per test: the refusal must find no units, the import no earlier rows.
  beforeEach(async () => {
    schema = await createTestSchema();
    dir = mkdtempSync(join(tmpdir(), 'duban-dir-'));
  });
  afterEach(async () => {
    await schema.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a CSV with a bad row, printing its row number, and writes nothing', async () => {
    const file = join(dir, 'users.csv');
    writeFileSync(file, `\ufeff${csv([CITY.users[0], CITY.users[1], ['王五', 'mc.wang5', '某市数据局', '承办人', '', '', '']])}`);
    const r = await cli('directory-import', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('directory import refused, nothing written');
    expect(r.stderr).toContain('第 2 行：单位「市发改委」不存在');
    expect(r.stderr).toContain('第 3 行：单位「某市数据局」不存在');
    expect(await count('users')).toBe(0);
  });

  it('checks with --dry-run, imports, and exports a file that imports as a no-op', async () => {
    const file = join(dir, 'city.xlsx');
    writeFileSync(file, await cityWorkbook());
    const dry = await cli('directory-import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/units\s+7 new, 0 changed, 0 unchanged/);
    expect(dry.stdout).toContain('dry run: nothing written');
    expect(await count('units')).toBe(0);

    const real = await cli('directory-import', file);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/users\s+4 new/);
    expect(real.stdout).toMatch(/mc\.fgw\.zhang\t\S{12}/);
    expect(await count('units')).toBe(7);

    const out = join(dir, 'export.xlsx');
    expect((await cli('directory-export', out)).code).toBe(0);
    const again = await cli('directory-import', out);
    expect(again.stdout).toMatch(/units\s+0 new, 0 changed, 7 unchanged/);
    expect(again.stdout).toMatch(/users\s+0 new, 0 changed, 4 unchanged/);

    const units = join(dir, 'units.csv');
    expect((await cli('directory-export', units, '--sheet', 'units')).code).toBe(0);
    expect(readFileSync(units, 'utf8')).toContain('某市东区发展和改革局');
    const csvAgain = await cli('directory-import', units, '--dry-run');
    expect(csvAgain.stdout).toMatch(/units\s+0 new, 0 changed, 7 unchanged/);
  });
});
