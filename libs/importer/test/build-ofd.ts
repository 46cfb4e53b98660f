import JSZip from 'jszip';
import { PAGE, type FixturePage } from './page-layout';

const MM = 25.4 / 72;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const mm = (pt: number) => (pt * MM).toFixed(3);
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';

/**
 * Writes laid-out pages as an OFD (GB/T 33190): OFD.xml, Document.xml, one Content.xml per page with
 * a TextObject per piece of text (glyph advances in DeltaX, as 公文 systems write them) and PathObjects
 * for the table rules. Sizes in millimetres.
 */
export async function buildOfd(pages: FixturePage[], measure: (text: string, size: number) => number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    'OFD.xml',
    `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>fixture</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
  zip.file(
    'Doc_0/Document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${mm(PAGE.width)} ${mm(PAGE.height)}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>${pages
      .map((_, i) => `<ofd:Page ID="${i + 10}" BaseLoc="Pages/Page_${i}/Content.xml"/>`)
      .join('')}</ofd:Pages></ofd:Document>`,
  );
  zip.file(
    'Doc_0/PublicRes.xml',
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="Noto Sans CJK SC" FamilyName="Noto Sans CJK SC"/></ofd:Fonts></ofd:Res>`,
  );
  let id = 1000;
  pages.forEach((p, i) => {
    const texts = p.texts.map((t) => {
      const chars = [...t.text];
      const advances = chars.slice(0, -1).map((c) => mm(measure(c, t.size)));
      const w = measure(t.text, t.size);
      const color = t.red ? '<ofd:FillColor Value="208 0 0"/>' : '';
      return `<ofd:TextObject ID="${id++}" Boundary="${mm(t.x)} ${mm(t.y)} ${mm(w + t.size)} ${mm(t.size * 1.4)}" Font="2" Size="${mm(t.size)}">${color}<ofd:TextCode X="0" Y="${mm(t.size * 0.88)}" DeltaX="${advances.join(' ')}">${esc(t.text)}</ofd:TextCode></ofd:TextObject>`;
    });
    const rules = p.rules.map(
      (r) =>
        `<ofd:PathObject ID="${id++}" Boundary="0 0 ${mm(PAGE.width)} ${mm(PAGE.height)}" LineWidth="0.25"><ofd:AbbreviatedData>M ${mm(r.x1)} ${mm(r.y1)} L ${mm(r.x2)} ${mm(r.y2)}</ofd:AbbreviatedData></ofd:PathObject>`,
    );
    zip.file(
      `Doc_0/Pages/Page_${i}/Content.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="${id++}">${rules.join('')}${texts.join('')}</ofd:Layer></ofd:Content></ofd:Page>`,
    );
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
