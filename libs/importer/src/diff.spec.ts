import { seed } from '../test/seeds';
import { contentHash } from './content-hash';
import { diffPlans, similarity } from './diff';
import { parsePlanText } from './parse';

const text = seed('003').text;
const base = parsePlanText(text);

describe('contentHash', () => {
  it('is the same for the same document, whatever its line ends and spacing', () => {
    expect(contentHash(text)).toBe(contentHash(text.replace(/\n/g, '\r\n  ')));
    expect(contentHash(Buffer.from(text))).toBe(contentHash(text));
    expect(contentHash(base)).toBe(contentHash(parsePlanText(text)));
    expect(contentHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });
  it('changes when the document changes', () => {
    const revised = text.replace('完善科技政策法规体系', '健全科技政策法规体系');
    expect(contentHash(revised)).not.toBe(contentHash(text));
    expect(contentHash(parsePlanText(revised))).not.toBe(contentHash(base));
  });
});

describe('diffPlans', () => {
  it('finds nothing between a plan and itself', () => {
    expect(diffPlans(base, parsePlanText(text))).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports changed fields, added and removed items', () => {
    const revised = text
      .replace('1.完善科技政策法规体系。', '1.完善科技政策法规体系。完成时限:6月底前。')
      .replace(/ {2}22\.加强科技宣传工作[^\n]*\n/, '')
      .replace('  五、加强科技系统自身建设', '  五、加强科技系统自身建设\n\n  23.建设科技大数据中心。汇聚全省科技数据。');
    const d = diffPlans(base, parsePlanText(revised));
    expect(d.changed.map((c) => c.code)).toEqual(['1']);
    expect(d.changed[0].fields).toEqual(expect.arrayContaining(['deadline', 'content']));
    expect(d.changed[0].after.deadline).toBe('2017-06-30');
    expect(d.removed.map((t) => t.code)).toEqual(['22']);
    expect(d.added.map((t) => t.title)).toEqual(['建设科技大数据中心']);
  });

  it('matches renumbered items by title', () => {
    const renumbered = text.replace('  13.加强原始创新能力建设', '  99.加强原始创新能力建设');
    const d = diffPlans(base, parsePlanText(renumbered));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed.map((c) => [c.before.code, c.after.code, c.fields])).toEqual([['13', '99', ['code']]]);
  });

  it('scores similar titles high and unrelated low', () => {
    expect(similarity('完善科技政策法规体系', '健全科技政策法规体系')).toBeGreaterThan(0.6);
    expect(similarity('完善科技政策法规体系', '加强干部队伍建设')).toBeLessThan(0.2);
  });
});
