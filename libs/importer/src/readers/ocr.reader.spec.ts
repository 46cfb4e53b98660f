import { buildPdf } from '../../test/build-pdf';
import { scanPdf } from '../../test/build-scan';
import { layoutPages } from '../../test/page-layout';
import { importScan, importDocument } from '../import-document';
import { parsePlanText } from '../parse';
import { pageLines } from './layout/page-lines';
import { parseTesseractTsv } from './ocr-tsv';

// tesseract reads a 200-dpi page in seconds (tens of seconds on a loaded machine): one page here.
jest.setTimeout(600_000);

const PLAN = [
  '2025年区数据局重点工作任务分工',
  '一、重点任务',
  '1.建成全区公共数据共享交换平台，实现部门数据按需共享。(牵头单位:区数据局;责任单位:区政务服务中心)6月底前完成。',
  '2.完成公共数据资源目录编制。(牵头单位:区数据局)9月底前完成。',
  '3.开展数据安全检查。(牵头单位:区委网信办)12月底前完成。',
];

describe('importScan: OCR with tesseract', () => {
  it('reads a skewed, speckled scan of a printed plan to the same items, or flags the fields it doubts', async () => {
    const text = parsePlanText(PLAN.join('\n'), { fileName: 'plan.txt' });
    const [png] = await scanPdf(await buildPdf(layoutPages(PLAN)), { angleDeg: 0.4, noise: 0.002 });
    const progress: string[] = [];
    const scan = await buildPdf([], { images: [png] });
    const p = await importScan({ fileName: 'scan.pdf', content: scan }, { maxPages: 5, pageTimeoutMs: 300_000, onPage: (d, n) => void progress.push(`${d}/${n}`) });
    expect(progress).toEqual(['0/1', '1/1']);
    expect(p.tasks.map((t) => t.code)).toEqual(text.tasks.map((t) => t.code));
    const flagged = p.warnings.map((w) => w.message).join('\n');
    p.tasks.forEach((t, i) => {
      const want = text.tasks[i];
      for (const [field, got, expected] of [
        ['牵头单位', t.leadUnits, want.leadUnits],
        ['责任单位', t.responsibleUnits, want.responsibleUnits],
        ['完成时限', t.deadline, want.deadline],
      ] as const) {
        if (JSON.stringify(got) !== JSON.stringify(expected)) expect(flagged).toMatch(new RegExp(`事项 ${t.code} 的[^「]*${field}`));
      }
    });
  });

  it('refuses a scan PDF in importDocument (the API queues it for the worker instead)', async () => {
    const [png] = await scanPdf(await buildPdf(layoutPages(PLAN.slice(0, 2))));
    const e = await importDocument({ fileName: 'scan.pdf', content: await buildPdf([], { images: [png] }) }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'needs_ocr' });
  });
});

describe('parseTesseractTsv', () => {
  const HEAD = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
  const word = (block: number, line: number, left: number, top: number, text: string, width = 60, height = 30, conf = 95) =>
    `5\t1\t${block}\t1\t${line}\t1\t${left}\t${top}\t${width}\t${height}\t${conf}\t${text}`;
  const lines = (tsv: string) => pageLines(parseTesseractTsv(tsv)[0], 1).map((l) => l.cells.map((c) => c.text).join(' '));

  it('keeps each word and its confidence; a small glyph sits on its line', () => {
    const tsv = [HEAD, '1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t', word(1, 1, 200, 104, '牵头', 60, 30, 96.5), word(1, 1, 262, 120, '，', 12, 12, 41.2)].join('\n');
    expect(parseTesseractTsv(tsv)).toEqual([
      {
        width: 1654,
        height: 2339,
        runs: [
          { x: 200, y: 134, width: 60, size: 30, text: '牵头', confidence: 96.5 },
          { x: 262, y: 134, width: 12, size: 30, text: '，', confidence: 41.2 },
        ],
      },
    ]);
  });

  // A page scanned 1° askew: every line drops 1.7 px in 100. Words 70 px apart, lines 60 px apart.
  const tilted = (block: number, line: number, row: number, from: number, texts: string[]) =>
    texts.map((t, i) => word(block, line, 100 + (from + i) * 70, 100 + row * 60 + Math.round((from + i) * 70 * 0.0175), t));

  it('joins the pieces tesseract cut one tilted line into', () => {
    const tsv = [HEAD, '1\t1\t0\t0\t0\t0\t0\t0\t2000\t2000\t-1\t', ...tilted(1, 1, 0, 0, ['一', '二', '三', '四', '五']), ...tilted(2, 1, 0, 20, ['尾', '巴'])].join('\n');
    expect(lines(tsv)).toEqual(['一二三四五 尾巴']);
  });

  it('parts two tilted lines that tesseract read as one', () => {
    const tsv = [
      HEAD,
      '1\t1\t0\t0\t0\t0\t0\t0\t2000\t2000\t-1\t',
      ...tilted(1, 1, 0, 0, ['甲', '乙', '丙', '丁', '戊']),
      ...tilted(1, 2, 1, 0, ['子', '丑', '寅', '卯', '辰']),
      // the right end of both lines in one tesseract line
      ...tilted(2, 1, 0, 20, ['己']),
      ...tilted(2, 1, 1, 21, ['巳']),
    ].join('\n');
    expect(lines(tsv)).toEqual(['甲乙丙丁戊 己', '子丑寅卯辰 巳']);
  });
});
