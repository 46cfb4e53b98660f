import { join } from 'node:path';
import { seed } from '../test/seeds';
import { ImportError } from './errors';
import { parsePlanText } from './parse';
import { UnitDirectory, loadUnitDirectory } from './unit-directory';

const directoryPath = join(__dirname, '../../../seeds/units.json');

describe('UnitDirectory with seeds/units.json', () => {
  const data = loadUnitDirectory(directoryPath);
  const dir = new UnitDirectory(data);

  it('resolves aliases to canonical names', () => {
    expect(dir.resolve('市科技局')).toEqual({ canonical: '武汉市科学技术局' });
    expect(dir.resolve('市发改委')).toEqual({ canonical: '武汉市发展和改革委员会' });
    expect(dir.resolve('东湖高新区管委会')).toEqual({ canonical: '东湖新技术开发区管委会' });
    expect(dir.resolve('江岸区人民政府')).toEqual({ canonical: '武汉市江岸区人民政府' });
    expect(dir.resolve('湖北省科技厅')).toEqual({ canonical: '湖北省科学技术厅' });
    expect(dir.resolve(' 潜江市科技局 ')).toEqual({ canonical: '潜江市科学技术局' });
  });

  it('expands 各区人民政府 to the 13 districts and the development zones', () => {
    const r = dir.resolve('各区人民政府');
    expect('group' in r && r.members).toHaveLength(16);
    expect('group' in r && r.members).toContain('东湖新技术开发区管委会');
  });

  it('knows full and short forms of one office, and never a district unit for the city one', () => {
    for (const n of ['市发改委', '市发展改革委', '市发展和改革委员会', '武汉市发展改革委']) {
      expect(dir.resolve(n)).toEqual({ canonical: '武汉市发展和改革委员会' });
    }
    expect(dir.resolve('市科学技术局')).toEqual({ canonical: '武汉市科学技术局' });
    expect(dir.resolve('区发改局')).toEqual({ unknown: '区发改局' });
    expect(dir.resolve('区发展和改革局')).toEqual({ unknown: '区发展和改革局' });
  });

  it('reports unknown names instead of dropping them', () => {
    expect(dir.resolve('市宇宙开发局')).toEqual({ unknown: '市宇宙开发局' });
  });

  it('knows every unit named in the seeds', () => {
    const unknown = new Set<string>();
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const p = parsePlanText(seed(prefix).text);
      for (const t of p.tasks) {
        for (const u of [...t.leadUnits, ...t.responsibleUnits, ...t.assistingUnits, p.plan.issuer]) {
          if ('unknown' in dir.resolve(u)) unknown.add(u);
        }
      }
    }
    expect([...unknown]).toEqual([]);
  });

  it('gives every unit a unique ASCII code and a known parent', () => {
    const names = new Set(data.units.map((u) => u.name));
    for (const u of data.units) {
      expect(u.code).toMatch(/^[a-z0-9-]+$/);
      if (u.parent) expect(names.has(u.parent)).toBe(true);
    }
    expect(new Set(data.units.map((u) => u.code)).size).toBe(data.units.length);
  });

  it('rejects a directory file that is not one', () => {
    expect(() => loadUnitDirectory(join(__dirname, 'index.ts'))).toThrow(ImportError);
  });
});
