import fc from 'fast-check';
import { expectPlanContract } from '../test/contract';
import { seed } from '../test/seeds';
import { ImportError } from './errors';
import { importDocument } from './import-document';
import { parsePlanText } from './parse';
import type { ParsedPlan } from './types';

/** The contract's shape: every field present with the right type. */
function expectContract(p: ParsedPlan): void {
  expect(typeof p.plan.title).toBe('string');
  expect(typeof p.plan.issuer).toBe('string');
  expect(Number.isInteger(p.plan.year)).toBe(true);
  expectPlanContract(p, (t) => {
    for (const i of t.indicators) expect(Number.isFinite(i.value)).toBe(true);
  });
  for (const w of p.warnings) expect(Number.isInteger(w.line)).toBe(true);
}

function parseOrImportError(text: string): void {
  try {
    expectContract(parsePlanText(text));
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    expect(['empty', 'no_items', 'too_large', 'unreadable']).toContain(e.code);
  }
}

// Pieces of real plans, shuffled into documents nobody has seen.
const PIECES = [
  '一、主要目标', '二、重点任务', '三、保障措施', '(一)加强平台建设', '（二）', '()引育人才', ')全力推进企业培育。',
  '1.建设实验室。加快建设。', '2、推进转化。', '(1)制定方案;', '①完成调研', '序号', '责任事项', '具体工作内容',
  '完成时限', '工作目标', '1', '2', '12月', '5月', '长期坚持', '每年', '牵头单位:市科技局', '责任单位:市财政局、各区人民政府〈含开发区,下同》',
  '(牵头单位:市发改委;责任单位:江岸区、硚口区人民政府)', '新增高新技术企业800家以上', '今天是:', '字体:【大】【中】【小】',
  '发布时间:2019-09-02 发布单位:武汉市科学技术局', '鄂ICP备11011361号', '2022——2024年)', '到2024年达到1300亿元', '',
];

describe('parser properties', () => {
  it('never throws anything but ImportError on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), parseOrImportError), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), parseOrImportError), { numRuns: 300 });
  });

  it('returns the contract or a clear error for shuffled plan fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (parts) => parseOrImportError(parts.join('\n'))),
      { numRuns: 500 },
    );
  });

  it('survives arbitrary cuts and edits of every seed', () => {
    const texts = ['000', '001', '002', '003', '004'].map((p) => seed(p).text);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 20 }),
        (which, a, b, insert) => {
          const t = texts[which];
          const i = a % t.length;
          const j = i + (b % 2000);
          parseOrImportError(t.slice(0, i) + insert + t.slice(j));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same text gives the same plan', () => {
    const text = seed('001').text;
    expect(parsePlanText(text)).toEqual(parsePlanText(text));
  });

  it('importDocument rejects arbitrary bytes only with ImportError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('a.txt', 'a.docx', 'a.xlsx', 'a.csv', 'a.html', 'a'), async (bytes, fileName) => {
        try {
          expectContract(await importDocument({ fileName, content: Buffer.from(bytes) }));
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
        }
      }),
      { numRuns: 300 },
    );
  });
});
