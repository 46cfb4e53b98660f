import { buildPdf } from '../../test/build-pdf';
import { scanPdf } from '../../test/build-scan';
import { layoutPages } from '../../test/page-layout';
import { importScan, importDocument } from '../import-document';
import { parsePlanText } from '../parse';
import { layoutText } from './layout/layout-text';
import { pageLines } from './layout/page-lines';
import { parseTesseractTsv, readScanPage } from './ocr-tsv';

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

  it('reads a PDF under the document page limit; only its pages without text count against the OCR limit', async () => {
    const [png] = await scanPdf(await buildPdf(layoutPages([PLAN[4]])));
    const pdf = await buildPdf(layoutPages(PLAN.slice(0, 4)), { images: [png] });
    const progress: string[] = [];
    const limits = { maxPages: 5, timeoutMs: 60_000 };
    const p = await importScan({ fileName: 'mixed.pdf', content: pdf, limits }, { maxPages: 1, pageTimeoutMs: 300_000, onPage: (d, n) => void progress.push(`${d}/${n}`) });
    expect(progress).toEqual(['0/1', '1/1']);
    expect(p.tasks.slice(0, 2).map((t) => t.leadUnits)).toEqual([['区数据局'], ['区数据局']]);
    const long = await importScan({ fileName: 'mixed.pdf', content: pdf, limits: { ...limits, maxPages: 1 } }, { maxPages: 1, pageTimeoutMs: 300_000 }).catch((e: unknown) => e);
    expect(long).toMatchObject({ code: 'too_many_pages', message: expect.stringMatching(/PDF 共 2 页，超过上限 1 页/) });
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

  it('drops speckle and lines of marks, and reads a bar alone on its line as 1', () => {
    const tsv = [
      HEAD,
      '1\t1\t0\t0\t0\t0\t0\t0\t2000\t2000\t-1\t',
      word(1, 1, 100, 100, '序号'),
      // a smear tesseract gave a glyph to: wide, 2 px high, confidence 0
      word(1, 1, 900, 110, '轴', 35, 2, 0),
      word(1, 2, 100, 200, '|', 20, 37, 45),
      word(1, 3, 100, 300, '.', 10, 10, 30),
      word(1, 4, 100, 400, '“|', 30, 30, 40),
      word(1, 5, 100, 500, '完善', 60, 30, 95),
    ].join('\n');
    expect(lines(tsv)).toEqual(['序号', '1', '完善']);
  });

  it('joins a line that starts with 、 to the line above, though a speck made that one tall', () => {
    const tsv = [
      HEAD,
      '1\t1\t0\t0\t0\t0\t0\t0\t2000\t2000\t-1\t',
      word(1, 1, 100, 100, '一二三四五六七八九十', 600, 30),
      // the box reaches down to a speck: three lines tall, and the text in it read poorly
      word(1, 2, 100, 140, '甲乙丙丁戊己庚辛壬癸', 600, 90, 0),
      word(1, 3, 100, 240, '、子丑寅卯。', 180, 30),
      word(1, 4, 100, 400, '、另起一段。', 180, 30),
      // a speck read as a mark before the next item's number
      word(1, 5, 100, 440, '，2.完成目录编制。', 270, 30),
    ].join('\n');
    expect(layoutText(parseTesseractTsv(tsv)).text.split('\n')).toEqual(['一二三四五六七八九十', '甲乙丙丁戊己庚辛壬癸、子丑寅卯。', '、另起一段。', '，2.完成目录编制。']);
  });

  it('drops a running header that OCR misread differently on each page', () => {
    const page = (header: string, body: string) =>
      parseTesseractTsv([HEAD, '1\t1\t0\t0\t0\t0\t0\t0\t2000\t2000\t-1\t', word(1, 1, 100, 40, header, 240), word(2, 1, 100, 400, body, 240)].join('\n'))[0];
    const text = layoutText([page('督办文件内部资料', '一、重点任务'), page('”督办文件内资料', '二、保障措施'), page('介文人内部资料', '三、工作要求')]).text;
    expect(text.split('\n')).toEqual(['一、重点任务', '二、保障措施', '三、工作要求']);
  });
});

describe('readScanPage: a page with a ruled table read a second time without its rules', () => {
  const HEAD = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
  const word = (block: number, left: number, top: number, text: string, conf = 90) => `5\t1\t${block}\t1\t1\t1\t${left}\t${top}\t${text.length * 30}\t30\t${conf}\t${text}`;
  // Two columns (x 100 | 200 | 600), two rows (y 100 | 160 | 240), rules 3 px thick.
  const image = (() => {
    const [w, h] = [700, 300];
    const pixels = new Uint8Array(w * h).fill(255);
    for (const y of [100, 160, 240]) for (let x = 100; x <= 600; x++) for (let t = 0; t < 3; t++) pixels[(y + t) * w + x] = 0;
    for (const x of [100, 200, 600]) for (let y = 100; y <= 240; y++) for (let t = 0; t < 3; t++) pixels[y * w + x + t] = 0;
    return { width: w, height: h, pixels };
  })();
  const tsv = (...words: string[]) => [HEAD, '1\t1\t0\t0\t0\t0\t0\t0\t700\t300\t-1\t', ...words].join('\n');

  it('takes each cell from the reading without rules, and the first reading where that one found nothing', () => {
    const first = readScanPage(tsv(word(1, 120, 115, '序号'), word(1, 220, 115, '天头单位', 20), word(2, 130, 185, '|', 45), word(2, 220, 185, '区数据局')), image);
    expect(first.again?.image.pixels[101 * 700 + 300]).toBe(255);
    const page = first.again!.reread(tsv(word(1, 120, 115, '序号'), word(1, 220, 115, '牵头单位'), word(2, 220, 185, '区数据局')));
    expect(page.tables?.[0].rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['序号', '牵头单位'],
      ['1', '区数据局'],
    ]);
  });

  it('reads a page without rules once', () => {
    expect(readScanPage(tsv(word(1, 120, 115, '序号')), { width: 700, height: 300, pixels: new Uint8Array(700 * 300).fill(255) }).again).toBeUndefined();
  });
});
