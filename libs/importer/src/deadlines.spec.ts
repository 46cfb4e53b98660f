import fc from 'fast-check';
import { deadlinePhrases, detectRecurrence, findDeadline, parseDeadline, PHRASE_RE } from './deadlines';

const ctx = { year: 2024, periodStart: '2024-01-01', periodEnd: '2024-12-31' };

describe('parseDeadline', () => {
  it.each([
    ['5月', '2024-05-31', 'date'],
    ['12月', '2024-12-31', 'date'],
    ['2月', '2024-02-29', 'date'], // leap year
    ['12月底', '2024-12-31', 'date'],
    ['6月底前', '2024-06-30', 'date'],
    ['6月30日前', '2024-06-30', 'date'],
    ['9月15日', '2024-09-15', 'date'],
    ['十月', '2024-10-31', 'date'],
    ['2024年底', '2024-12-31', 'date'],
    ['2025年6月底前', '2025-06-30', 'date'],
    ['2025年3月31日', '2025-03-31', 'date'],
    ['年底前', '2024-12-31', 'date'],
    ['年内', '2024-12-31', 'date'],
    ['上半年', '2024-06-30', 'date'],
    ['下半年', '2024-12-31', 'date'],
    ['三季度', '2024-09-30', 'date'],
    ['第一季度末', '2024-03-31', 'date'],
    ['2024年第二季度', '2024-06-30', 'date'],
    ['次年3月', '2025-03-31', 'date'],
    ['6月上旬', '2024-06-10', 'date'],
    ['2022—2024年', '2024-12-31', 'date'],
    ['2022——2024年', '2024-12-31', 'date'],
    ['2022-2024年', '2024-12-31', 'date'],
    ['到2024年', '2024-12-31', 'date'],
    ['2024-06-30', '2024-06-30', 'date'],
    ['2024/7', '2024-07-31', 'date'],
    ['长期坚持', '2024-12-31', 'ongoing'],
    ['持续推进', '2024-12-31', 'ongoing'],
    ['每年', '2024-12-31', 'recurring'],
    ['每季度', '2024-12-31', 'recurring'],
    ['每月', '2024-12-31', 'recurring'],
    ['一季度一汇总', '2024-12-31', 'recurring'],
  ])('%s → %s (%s)', (text, date, kind) => {
    const d = parseDeadline(text, ctx);
    expect(d).not.toBeNull();
    expect(d?.date).toBe(date);
    expect(d?.kind).toBe(kind);
    expect(d?.text).toBe(text);
  });

  it.each([
    ['每年', 'yearly'],
    ['每季度', 'quarterly'],
    ['一季度一汇总', 'quarterly'],
    ['每月', 'monthly'],
  ])('%s recurs %s', (text, recurrence) => {
    expect(parseDeadline(text, ctx)?.recurrence).toBe(recurrence);
  });

  it.each(['', '推动高新技术企业培育', '13月', '2月30日', '根据进度安排', '第五季度'])('rejects %p', (text) => {
    expect(parseDeadline(text, ctx)).toBeNull();
  });
});

describe('findDeadline', () => {
  it('finds a marked deadline inside running text', () => {
    expect(findDeadline('完成实验室一期建设，6月底前完成；', ctx)?.date).toBe('2024-06-30');
    expect(findDeadline('完成时限:2025年3月底前', ctx)?.date).toBe('2025-03-31');
  });
  it('keeps the latest of several marked dates', () => {
    expect(findDeadline('3月底前完成方案，年底前全面完成', ctx)?.date).toBe('2024-12-31');
  });
  it('ignores an indicator horizon without a deadline marker', () => {
    expect(findDeadline('每年新增技术合同成交额100亿元,到2024年达到1300亿元', ctx)).toBeNull();
  });
  it('keeps the year of "2025年底前" in running text', () => {
    expect(findDeadline('2025年底前建成冷水江中试基地', ctx)?.date).toBe('2025-12-31');
  });
  it('dates a step that opens with its time, not a leading year', () => {
    expect(findDeadline('上半年完成乡镇全覆盖', ctx)?.date).toBe('2024-06-30');
    expect(findDeadline('①3月底完成摸底', ctx)?.date).toBe('2024-03-31');
    expect(findDeadline('2024年，全市新增高企800家', ctx)).toBeNull();
  });
  it('reads 时间安排/进度安排 labels; a sentence is not a recurrence cell', () => {
    expect(findDeadline('时间安排：2025年第二季度', ctx)?.date).toBe('2025-06-30');
    expect(parseDeadline('每月调度一次，11月底前完工', ctx)).toBeNull();
    expect(findDeadline('每月调度一次，11月底前完工', ctx)?.date).toBe('2024-11-30');
  });
});

describe('detectRecurrence', () => {
  it('prefers the finest period named', () => {
    expect(detectRecurrence('每年开展评估，每月调度进度')).toBe('monthly');
    expect(detectRecurrence('考核指标数据一季度一汇总、一季度一通报')).toBe('quarterly');
    expect(detectRecurrence('每年建设10大市级技术创新中心')).toBe('yearly');
    expect(detectRecurrence('加快建设')).toBeNull();
  });
});

describe('deadlinePhrases', () => {
  // The windowed search (only near each 前) must find what a scan of the whole text finds.
  const scan = (text: string) => [...text.matchAll(PHRASE_RE)].map((m) => m[0]);
  const piece = fc.constantFrom(
    '前', '以前', '之前', '底前', '完成', '年', '年底', '年末', '月', '日', '底', '末', '上旬', '下旬', '上半年',
    '第', '季度', '次', '今', '2024', '1', '12', '三', '十二', '二十', '，', '。', '推进', '开展', '前期',
  );
  it('equals a global scan on texts built from phrase pieces', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(deadlinePhrases(text)).toEqual(scan(text));
      }),
      { numRuns: 3000 },
    );
  });
  it('finds each phrase of a sentence, the longest phrase the regex allows included', () => {
    expect(deadlinePhrases('2024年次年一十二月三十一日下旬以前完成，3月底前启动，前期工作年底前')).toEqual(
      scan('2024年次年一十二月三十一日下旬以前完成，3月底前启动，前期工作年底前'),
    );
    expect(deadlinePhrases('3月底前启动，年底前完成')).toEqual(['3月底前', '年底前完成']);
  });
});
