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

  describe('what other producers write', () => {
    const PLAN = ['2025年区数据局重点任务清单', '1.建成全区公共数据共享交换平台。(牵头单位:区数据局)6月底前完成。', '2.完成公共数据资源目录编制。(牵头单位:区政务服务中心)9月底前完成。'];
    const PAGE = 'Doc_0/Pages/Page_0/Content.xml';
    const DOC = 'Doc_0/Document.xml';
    const textObjects = /<ofd:TextObject\b[\s\S]*?<\/ofd:TextObject>/g;
    const read = (zip: JSZip) => zip.generateAsync({ type: 'nodebuffer' }).then((content) => importDocument({ fileName: 'plan.ofd', content }));
    let zip: JSZip;
    let want: Awaited<ReturnType<typeof importDocument>>;
    beforeEach(async () => {
      const ofd = await buildOfd(layoutPages(PLAN), measurer());
      want = await importDocument({ fileName: 'plan.ofd', content: ofd });
      zip = await JSZip.loadAsync(ofd);
    });
    const edit = async (path: string, f: (xml: string) => string) => zip.file(path, f(await zip.file(path)!.async('string')));

    it('reads TextCodes written as CDATA', async () => {
      await edit(PAGE, (xml) => xml.replace(/(<ofd:TextCode[^>]*>)([^<]*)</g, (_, open: string, t: string) => `${open}<![CDATA[${t.replace(/&lt;/g, '<').replace(/&amp;/g, '&')}]]><`));
      expect((await zip.file(PAGE)!.async('string')).match(/CDATA/g)).toHaveLength(3);
      expect(await read(zip)).toEqual(want);
    });

    it('reads text drawn by a CompositeObject from a composite unit, moved by its CTM and boundary', async () => {
      // The unit holds the page's text at twice its size; the object's CTM halves it and moves it by
      // (-10, -20) mm, which the boundary's origin (10, 20) puts back.
      const twice = (attr: string) => (xml: string) => xml.replace(new RegExp(`${attr}="([^"]*)"`, 'g'), (_, v: string) => `${attr}="${v.trim().split(/\s+/).map((n) => String(Number(n) * 2)).join(' ')}"`);
      let unit = '';
      await edit(PAGE, (xml) => {
        unit = (xml.match(textObjects) ?? []).join('');
        return xml.replace(textObjects, '').replace('</ofd:Layer>', '<ofd:CompositeObject ID="9001" ResourceID="9000" Boundary="10 20 190 260" CTM="0.5 0 0 0.5 -10 -20"/></ofd:Layer>');
      });
      for (const f of [twice('Boundary'), twice('Size'), twice('X'), twice('Y'), twice('DeltaX')]) unit = f(unit);
      await edit('Doc_0/PublicRes.xml', (xml) => xml.replace('</ofd:Res>', `<ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="9000" Width="400" Height="600"><ofd:Content>${unit}</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits></ofd:Res>`));
      expect(await read(zip)).toEqual(want);
    });

    it('reads the text of a template page with each page that uses it', async () => {
      await edit(PAGE, (xml) => {
        const title = (xml.match(textObjects) ?? []).find((t) => t.includes('重点任务清单'))!;
        zip.file('Doc_0/Tpls/Tpl_0/Content.xml', `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="8000">${title}</ofd:Layer></ofd:Content></ofd:Page>`);
        return xml.replace(title, '').replace('<ofd:Content>', '<ofd:Template TemplateID="7000" ZOrder="Background"/><ofd:Content>');
      });
      await edit(DOC, (xml) => xml.replace('</ofd:CommonData>', '<ofd:TemplatePage ID="7000" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'));
      expect(await read(zip)).toEqual(want);
    });
  });

  it('refuses an OFD of page images only (a scan) with a message that says how to send it for OCR', async () => {
    const zip = await JSZip.loadAsync(await seedOfd('000'));
    for (const path of Object.keys(zip.files).filter((f) => f.endsWith('Content.xml'))) {
      const xml = await zip.file(path)!.async('string');
      zip.file(path, xml.replace(/<ofd:TextObject\b[\s\S]*?<\/ofd:TextObject>/g, '').replace('</ofd:Layer>', '<ofd:ImageObject ID="9" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="4"/></ofd:Layer>'));
    }
    const e = await importError(importDocument({ fileName: 'scan.ofd', content: await zip.generateAsync({ type: 'nodebuffer' }) }));
    expect(e.code).toBe('unsupported_type');
    expect(e.message).toMatch(/只有页面图像（扫描件）.*存为 PDF 或图片/);
  });

  it('is sniffed by content: an .ofd named .docx', async () => {
    const p = await importDocument({ fileName: 'plan.docx', content: await seedOfd('003') });
    expect(p.tasks).toHaveLength(22);
  });
});
