import { buildPdf } from '../../test/build-pdf';
import { scanPdf } from '../../test/build-scan';
import { layoutPages } from '../../test/page-layout';
import { importScan, importDocument } from '../import-document';
import { parsePlanText } from '../parse';
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
  it('puts every word on its line box and keeps its confidence', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t',
      '4\t1\t1\t1\t1\t0\t200\t100\t300\t40\t-1\t',
      '5\t1\t1\t1\t1\t1\t200\t104\t60\t30\t96.5\t牵头',
      '5\t1\t1\t1\t1\t2\t262\t120\t12\t12\t41.2\t，',
    ].join('\n');
    expect(parseTesseractTsv(tsv)).toEqual([
      {
        width: 1654,
        height: 2339,
        runs: [
          { x: 200, y: 140, width: 60, size: 40, text: '牵头', confidence: 96.5 },
          { x: 262, y: 140, width: 12, size: 40, text: '，', confidence: 41.2 },
        ],
      },
    ]);
  });
});
