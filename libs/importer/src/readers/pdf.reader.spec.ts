import { buildPdf, lockedPdf } from '../../test/build-pdf';
import { layoutPages, seedBlocks, type RedHead } from '../../test/page-layout';
import { expectSameAsText, importError, SEEDS, seedPdf, textImport as fromText } from '../../test/seed-documents';
import { seed } from '../../test/seeds';
import { importDocument } from '../import-document';

// Fixtures are rendered with a real CJK font and read back through pdf.js: seconds, not milliseconds.
jest.setTimeout(300_000);

describe('importDocument: PDF with a text layer', () => {
  it.each(SEEDS)('a printed PDF of seed %s imports to the same plan, targets and tasks as its text', async (prefix) => {
    expectSameAsText(await importDocument({ fileName: `plan-${prefix}.pdf`, content: await seedPdf(prefix) }), prefix);
  });

  it('drops the running header and the page numbers', async () => {
    const p = await importDocument({ fileName: 'plan.pdf', content: await seedPdf('001') });
    expect(JSON.stringify(p)).not.toMatch(/督办文件 内部资料|- \d+ -/);
  });

  it('reads the 红头: issuer banner and 文号 into the plan, signature and 抄送 not taken as items', async () => {
    const redHead: RedHead = {
      banner: '湖北省科学技术厅文件',
      docNumber: '鄂科技发〔2017〕5号',
      signer: '湖北省科学技术厅',
      date: '2017年3月1日',
      copyTo: '科技部办公厅，省委办公厅，省政府办公厅。',
      printedBy: '湖北省科学技术厅办公室',
    };
    const body = seedBlocks(seed('003').text);
    const pdf = await buildPdf(layoutPages(body, { redHead, pageNumbers: true }));
    const p = await importDocument({ fileName: 'red-head.pdf', content: pdf });
    const text = fromText('003');
    expect(p.plan.docNumber).toBe('鄂科技发〔2017〕5号');
    expect(p.tasks.map((t) => [t.code, t.title, t.content, t.leadUnits])).toEqual(text.tasks.map((t) => [t.code, t.title, t.content, t.leadUnits]));
    expect(JSON.stringify(p.tasks)).not.toMatch(/抄送|印发|科技部办公厅|湖北省科学技术厅文件/);
  });

  it('recovers a ruled table with wrapped cells as rows for the table reader', async () => {
    const rows = [
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['1', '建成全区统一的公共数据共享交换平台，实现区级部门政务数据按需共享和实时交换。', '区数据局', '6月底前'],
      ['2', '完成公共数据资源目录编制。', '区数据局、区政务服务中心', '三季度'],
    ];
    const pdf = await buildPdf(layoutPages(['2025年区数据局重点任务清单', { rows, widths: [0.1, 0.5, 0.25, 0.15] }]));
    const p = await importDocument({ fileName: 'list.pdf', content: pdf });
    expect(p.tasks.map((t) => [t.code, t.title, t.leadUnits, t.deadline])).toEqual([
      ['1', '建成全区统一的公共数据共享交换平台，实现区级部门政务数据按需共享和实时交换', ['区数据局'], '2025-06-30'],
      ['2', '完成公共数据资源目录编制', ['区数据局', '区政务服务中心'], '2025-09-30'],
    ]);
  });

  it('recovers a table that is only aligned, with no rules drawn, as rows', async () => {
    const rows = [
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['1', '建成全区统一的公共数据共享交换平台，实现区级部门政务数据按需共享和实时交换。', '区数据局', '6月底前'],
      ['2', '完成公共数据资源目录编制。', '区数据局、区政务服务中心', '三季度'],
    ];
    const pages = layoutPages(['2025年区数据局重点任务清单', { rows, widths: [0.1, 0.5, 0.25, 0.15] }]).map((p) => ({ ...p, rules: [] }));
    const p = await importDocument({ fileName: 'aligned.pdf', content: await buildPdf(pages) });
    expect(p.tasks.map((t) => [t.code, t.title, t.leadUnits, t.deadline])).toEqual([
      ['1', '建成全区统一的公共数据共享交换平台，实现区级部门政务数据按需共享和实时交换', ['区数据局'], '2025-06-30'],
      ['2', '完成公共数据资源目录编制', ['区数据局', '区政务服务中心'], '2025-09-30'],
    ]);
  });

  it('is sniffed by content: a .docx that is really a PDF', async () => {
    const p = await importDocument({ fileName: 'plan.docx', content: await seedPdf('003') });
    expect(p.tasks).toHaveLength(22);
  });

  it('refuses a broken PDF with a clear message', async () => {
    const pdf = await seedPdf('003');
    const e = await importError(importDocument({ fileName: 'cut.pdf', content: pdf.subarray(0, 300) }));
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/PDF 文件已损坏/);
  });

  it('refuses an encrypted PDF', async () => {
    const e = await importError(importDocument({ fileName: 'locked.pdf', content: await lockedPdf() }));
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/已加密/);
  });

  it('refuses more pages than the limit, and stops at the time limit', async () => {
    const pdf = await seedPdf('002');
    const pages = await importError(importDocument({ fileName: 'long.pdf', content: pdf, limits: { maxPages: 3, timeoutMs: 60_000 } }));
    expect(pages.code).toBe('too_many_pages');
    expect(pages.message).toMatch(/超过上限 3 页/);
    const slow = await importError(importDocument({ fileName: 'slow.pdf', content: pdf, limits: { maxPages: 100, timeoutMs: 1 } }));
    expect(slow.code).toBe('timeout');
  });

  it('sends a PDF without a text layer to OCR', async () => {
    const blank = await buildPdf([{ texts: [], rules: [{ x1: 10, y1: 10, x2: 100, y2: 100 }] }]);
    expect((await importError(importDocument({ fileName: 'scan.pdf', content: blank }))).code).toBe('needs_ocr');
  });
});
