import JSZip from 'jszip';
import { buildOfd } from '../../test/build-ofd';
import { layoutPages, measurer } from '../../test/page-layout';
import { expectSameAsText, importError, SEEDS, seedOfd } from '../../test/seed-documents';
import { importDocument } from '../import-document';

// Fixtures are rendered with a real CJK font and read back through pdf.js: seconds, not milliseconds.
jest.setTimeout(300_000);

describe('importDocument: OFD', () => {
  it.each(SEEDS)('an OFD of seed %s imports to the same plan, targets and tasks as its text', async (prefix) => {
    expectSameAsText(await importDocument({ fileName: `plan-${prefix}.ofd`, content: await seedOfd(prefix) }), prefix);
  });

  it('reads a ruled table in an OFD as rows, and drops running header and page numbers', async () => {
    const rows = [
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['1', '建成全区统一的公共数据共享交换平台，实现区级部门政务数据按需共享和实时交换。', '区数据局', '6月底前'],
      ['2', '完成公共数据资源目录编制。', '区数据局', '三季度'],
    ];
    const pages = layoutPages(['2025年区数据局重点任务清单', { rows, widths: [0.1, 0.5, 0.25, 0.15] }], { header: '区数据局', pageNumbers: true });
    const p = await importDocument({ fileName: 'list.ofd', content: await buildOfd(pages, measurer()) });
    expect(p.tasks.map((t) => [t.code, t.title, t.leadUnits, t.deadline])).toEqual([
      ['1', '建成全区统一的公共数据共享交换平台，实现区级部门政务数据按需共享和实时交换', ['区数据局'], '2025-06-30'],
      ['2', '完成公共数据资源目录编制', ['区数据局'], '2025-09-30'],
    ]);
    expect(JSON.stringify(p)).not.toMatch(/- 1 -/);
  });

  it('refuses an OFD with a DTD, a missing page or too many pages', async () => {
    const zip = await JSZip.loadAsync(await seedOfd('003'));
    const page = 'Doc_0/Pages/Page_0/Content.xml';
    const xml = await zip.file(page)!.async('string');
    zip.file(page, xml.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'));
    const dtd = await importError(importDocument({ fileName: 'dtd.ofd', content: await zip.generateAsync({ type: 'nodebuffer' }) }));
    expect(dtd.message).toMatch(/DTD/);
    zip.remove(page);
    const missing = await importError(importDocument({ fileName: 'cut.ofd', content: await zip.generateAsync({ type: 'nodebuffer' }) }));
    expect(missing.message).toMatch(/OFD 文件不完整/);
    const long = await importError(importDocument({ fileName: 'long.ofd', content: await seedOfd('002'), limits: { maxPages: 2, timeoutMs: 60_000 } }));
    expect(long.code).toBe('too_many_pages');
  });

  it('is sniffed by content: an .ofd named .docx', async () => {
    const p = await importDocument({ fileName: 'plan.docx', content: await seedOfd('003') });
    expect(p.tasks).toHaveLength(22);
  });
});
