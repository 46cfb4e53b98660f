import PDFDocument from 'pdfkit';

/** Noto Sans CJK from Debian's fonts-noto-cjk: the fixtures' typeface, as a real PDF embeds it. */
export const CJK_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

/** One placed piece of text; y is the top of its line box, in points from the page's top edge. */
export interface PlacedText {
  x: number;
  y: number;
  size: number;
  text: string;
  red?: boolean;
}

export interface PlacedRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  red?: boolean;
}

export interface FixturePage {
  texts: PlacedText[];
  rules: PlacedRule[];
}

export interface FixtureTable {
  rows: string[][];
  /** Column widths as shares of the text width. */
  widths?: number[];
}

export interface RedHead {
  banner: string;
  docNumber: string;
  signer: string;
  date: string;
  copyTo: string;
  printedBy: string;
}

export interface LayoutOptions {
  /** Running header on every page. */
  header?: string;
  /** "- N -" at the foot of every page. */
  pageNumbers?: boolean;
  redHead?: RedHead;
}

export const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 72, right: 72, top: 80, bottom: 80 };
const BODY = 12;
const LEADING = 1.7;
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Measures with the real font so wrapped lines end where a word processor would end them. */
export function measurer(): (text: string, size: number) => number {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.registerFont('cjk', CJK_FONT.path, CJK_FONT.family);
  doc.font('cjk');
  // Per character, cached: wrapping measures every prefix, and pdfkit lays out each string it measures.
  const unit = new Map<string, number>();
  const one = (ch: string) => unit.get(ch) ?? unit.set(ch, doc.fontSize(1000).widthOfString(ch) / 1000).get(ch)!;
  return (text, size) => [...text].reduce((w, ch) => w + one(ch) * size, 0);
}

function wrap(text: string, width: number, size: number, indent: number, measure: (t: string, s: number) => number): string[] {
  const lines: string[] = [];
  let cur = '';
  let avail = width - indent;
  for (const ch of text) {
    if (cur && measure(cur + ch, size) > avail) {
      lines.push(cur);
      cur = '';
      avail = width;
    }
    cur += ch;
  }
  if (cur) lines.push(cur);
  return lines;
}

/**
 * Lays a document out on A4 pages the way an office prints a plan: indented paragraphs wrapped at the
 * margin, ruled tables with cells wrapped in their boxes, a running header, page numbers, a 红头.
 * Both the PDF and the OFD fixture writers draw these pages, so the two formats hold the same text.
 */
export function layoutPages(blocks: (string | FixtureTable)[], opts: LayoutOptions = {}): FixturePage[] {
  const measure = measurer();
  const pages: FixturePage[] = [];
  let page: FixturePage = { texts: [], rules: [] };
  let y = MARGIN.top;
  const newPage = () => {
    pages.push(page);
    page = { texts: [], rules: [] };
    y = MARGIN.top;
  };
  const room = (h: number) => {
    if (y + h > PAGE.height - MARGIN.bottom) newPage();
  };
  const centred = (text: string, size: number, red?: boolean) => {
    room(size * LEADING);
    page.texts.push({ x: (PAGE.width - measure(text, size)) / 2, y, size, text, red });
    y += size * LEADING;
  };
  const right = (text: string) => {
    room(BODY * LEADING);
    page.texts.push({ x: PAGE.width - MARGIN.right - measure(text, BODY) - 2 * BODY, y, size: BODY, text });
    y += BODY * LEADING;
  };
  const para = (text: string, indent = 2 * BODY) => {
    wrap(text, TEXT_WIDTH, BODY, indent, measure).forEach((l, i) => {
      room(BODY * LEADING);
      page.texts.push({ x: MARGIN.left + (i === 0 ? indent : 0), y, size: BODY, text: l });
      y += BODY * LEADING;
    });
  };
  const table = (t: FixtureTable) => {
    const n = t.rows[0].length;
    const shares = t.widths ?? Array.from({ length: n }, () => 1 / n);
    const xs = shares.reduce<number[]>((acc, s) => [...acc, acc[acc.length - 1] + s * TEXT_WIDTH], [MARGIN.left]);
    const pad = 4;
    for (const row of t.rows) {
      const cells = row.map((c, i) => wrap(c, xs[i + 1] - xs[i] - 2 * pad, BODY, 0, measure));
      const h = Math.max(...cells.map((c) => c.length)) * BODY * LEADING + 2 * pad;
      room(h);
      cells.forEach((lines, i) =>
        lines.forEach((l, k) => page.texts.push({ x: xs[i] + pad, y: y + pad + k * BODY * LEADING, size: BODY, text: l })),
      );
      page.rules.push({ x1: xs[0], y1: y, x2: xs[n], y2: y }, { x1: xs[0], y1: y + h, x2: xs[n], y2: y + h });
      for (const x of xs) page.rules.push({ x1: x, y1: y, x2: x, y2: y + h });
      y += h;
    }
    y += BODY;
  };

  const rh = opts.redHead;
  if (rh) {
    centred(rh.banner, 30, true);
    y += BODY;
    centred(rh.docNumber, BODY);
    page.rules.push({ x1: MARGIN.left, y1: y, x2: PAGE.width - MARGIN.right, y2: y, red: true });
    y += BODY;
  }
  for (const b of blocks) {
    if (typeof b === 'string') para(b);
    else table(b);
  }
  if (rh) {
    y += BODY;
    right(rh.signer);
    right(rh.date);
    y += BODY;
    para(`抄送：${rh.copyTo}`, 0);
    para(`${rh.printedBy}        ${rh.date}印发`, 0);
  }
  pages.push(page);
  pages.forEach((p, i) => {
    if (opts.header) p.texts.push({ x: MARGIN.left, y: 40, size: 9, text: opts.header });
    if (opts.pageNumbers) p.texts.push({ x: PAGE.width / 2 - 15, y: PAGE.height - 50, size: 10, text: `- ${i + 1} -` });
  });
  return pages;
}

/** The seed's text as a document: one paragraph per non-empty line. */
export const seedBlocks = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
