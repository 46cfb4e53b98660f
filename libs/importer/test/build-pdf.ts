import PDFDocument from 'pdfkit';
import { CJK_FONT, PAGE, type FixturePage } from './page-layout';

/** Draws laid-out pages into a PDF with a real text layer (pdfkit embeds the CJK font subset). */
export function buildPdf(pages: FixturePage[], opts: { images?: Buffer[] } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], autoFirstPage: false, compress: true });
  doc.registerFont('cjk', CJK_FONT.path, CJK_FONT.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const p of pages) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    for (const r of p.rules) doc.moveTo(r.x1, r.y1).lineTo(r.x2, r.y2).lineWidth(0.8).stroke(r.red ? '#d00000' : '#000000');
    doc.font('cjk');
    for (const t of p.texts) doc.fillColor(t.red ? '#d00000' : '#000000').fontSize(t.size).text(t.text, t.x, t.y, { lineBreak: false });
  }
  // A scan: each image fills a page and the PDF has no text at all.
  for (const img of opts.images ?? []) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    doc.image(img, 0, 0, { width: PAGE.width, height: PAGE.height });
  }
  doc.end();
  return done;
}

/** A PDF locked with an open password, as pdfkit writes one: the importer must refuse it (encrypted). */
export function lockedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ userPassword: 'secret' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('1. Task').end();
  return done;
}
