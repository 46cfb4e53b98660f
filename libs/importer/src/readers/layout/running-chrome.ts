import { lineText, type PageLine } from './positioned-text';

/** Share of the page height at the top and bottom where running headers, footers and folios live. */
const MARGIN_ZONE = 0.08;
const PAGE_NUMBER = /^[-—–－\s]*(第\s*)?[0-9０-９]+\s*(页)?(\s*[/／]\s*[0-9]+|\s*共\s*[0-9]+\s*页)?[-—–－\s]*$|^(page\s*)?\d+(\s*(of|\/)\s*\d+)?$/i;

const outerLines = (p: { lines: PageLine[] }) => [...p.lines.slice(0, 2), ...p.lines.slice(Math.max(2, p.lines.length - 2))];
const key = (l: PageLine) => lineText(l).replace(/[0-9０-９]+/g, '#').replace(/\s/g, '');

/**
 * Drops what a printed page repeats on every sheet: running headers and footers (the same text in
 * the top or bottom margin of at least half the pages) and page numbers ("- 3 -", "第3页 共9页").
 */
export function dropRunningChrome(pages: { height: number; lines: PageLine[] }[]): PageLine[][] {
  const inZone = (l: PageLine, h: number) => l.y < h * MARGIN_ZONE || l.y > h * (1 - MARGIN_ZONE);
  const seen = new Map<string, number>();
  for (const p of pages) {
    const keys = new Set(outerLines(p).filter((l) => inZone(l, p.height)).map(key));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  // A folio is a folio when most pages have one: a lone "4" heading a page's table rows is not.
  const folios = pages.filter((p) => outerLines(p).some((l) => inZone(l, p.height) && PAGE_NUMBER.test(lineText(l).trim()))).length;
  const numbered = folios >= pages.length / 2;
  const repeated = (k: string) => pages.length >= 2 && (seen.get(k) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((p) =>
    p.lines.filter((l, i) => {
      // Only the outermost lines of a page: a short body line near the bottom ("4" in a table) stays.
      const outer = i < 2 || i >= p.lines.length - 2;
      if (!outer || !inZone(l, p.height)) return true;
      return !(numbered && PAGE_NUMBER.test(lineText(l).trim())) && !repeated(key(l));
    }),
  );
}
