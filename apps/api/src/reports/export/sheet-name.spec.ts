import { sheetName } from './report-exporter';

describe('sheetName (every XLSX sheet)', () => {
  it('keeps a short title as it is', () => {
    expect(sheetName('科技创新工作要点(报表测试)', new Set())).toBe('科技创新工作要点(报表测试)');
  });

  it('replaces the characters Excel refuses before telling titles apart', () => {
    const used = new Set<string>();
    expect(sheetName('2025/2026:要点', used)).toBe('2025 2026 要点');
    // Another title that differs only in a refused character gets a name of its own.
    expect(sheetName('2025:2026/要点', used)).toBe('2025 2026 要点(2)');
  });

  it('stays within 31 characters, numbered copies included', () => {
    const used = new Set<string>();
    const long = '武汉市科技创新工作要点'.repeat(5);
    const names = Array.from({ length: 12 }, () => sheetName(long, used));
    expect(new Set(names).size).toBe(12);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(names[11]).toBe(`${long.slice(0, 26)}(12)`);
  });

  it('drops an apostrophe at either end, which Excel refuses, and keeps one inside', () => {
    const used = new Set<string>();
    expect(sheetName("'引号'标题'", used)).toBe("引号'标题");
    expect(sheetName("''", used)).toBe('Sheet');
  });

  it('names an empty title', () => {
    expect(sheetName('', new Set())).toBe('Sheet');
  });
});
