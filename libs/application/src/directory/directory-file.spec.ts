import { directoryRows, planDirectory } from '@app/domain';
import { cityWorkbook, CITY, csv } from '../../../../test/directory/city-directory';
import { readDirectoryFile, writeDirectoryCsv, writeDirectoryXlsx, DirectoryRowsError } from './directory-file';

const EMPTY = { units: [], groups: [], users: [] };

describe('directory files', () => {
  it('reads the sheets of an office workbook by their headers, with row numbers', async () => {
    const rows = await readDirectoryFile('dir.xlsx', await cityWorkbook());
    expect(rows.units).toHaveLength(7);
    expect(rows.units[0]).toEqual({ row: 2, name: '某市人民政府', code: 'mc', aliases: ['市政府', '市人民政府'], parent: '', kind: 'government', groups: [] });
    expect(rows.groups).toEqual([{ row: 2, name: '各区人民政府', aliases: ['各区政府', '各区'] }]);
    expect(rows.users[1]).toMatchObject({ row: 3, username: 'mc.fgw.li', roles: ['单位负责人', '承办人'], phone: '+86 27 8888 0000' });
    expect(planDirectory(rows, EMPTY).errors).toEqual([]);
  });

  it('reads one CSV table, UTF-8 or GB18030, and numbers its lines', async () => {
    const text = csv(CITY.units);
    const utf8 = await readDirectoryFile('units.csv', Buffer.from(`\ufeff${text}`));
    expect(utf8.units.map((u) => u.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const iconv = await import('iconv-lite');
    const gbk = await readDirectoryFile('units.csv', iconv.encode(text, 'gb18030'));
    expect(gbk.units).toEqual(utf8.units);
  });

  it('refuses a file with no known table, or a table without its key column, at row 1', async () => {
    await expect(readDirectoryFile('x.csv', Buffer.from('a,b\n1,2\n'))).rejects.toThrow(DirectoryRowsError);
    const e = await readDirectoryFile('x.csv', Buffer.from('用户名,单位\nzhang,某局\n')).catch((x: DirectoryRowsError) => x);
    expect((e as DirectoryRowsError).errors).toEqual([{ sheet: '用户', row: 1, message: '第 1 行：用户表缺少「姓名」列' }]);
  });

  it('writes what it reads: xlsx and each CSV table round-trip to the same rows', async () => {
    const rows = await readDirectoryFile('dir.xlsx', await cityWorkbook());
    for (const u of rows.users) u.password = '';
    const again = await readDirectoryFile('again.xlsx', await writeDirectoryXlsx(rows));
    expect(again).toEqual(rows);
    for (const sheet of ['units', 'groups', 'users'] as const) {
      const one = await readDirectoryFile(`${sheet}.csv`, writeDirectoryCsv(rows, sheet));
      expect(one[sheet]).toEqual(rows[sheet]);
    }
    expect(directoryRows(EMPTY)).toEqual(EMPTY);
  });
});
