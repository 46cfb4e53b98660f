import { lineText, type PageLine } from './positioned-text';

/** Share of the page height at the top and bottom where running headers, footers and folios live. */
const MARGIN_ZONE = 0.08;
const PAGE_NUMBER = /^[-—–－\s]*(第\s*)?[0-9０-９]+\s*(页)?(\s*[/／]\s*[0-9]+|\s*共\s*[0-9]+\s*页)?[-—–－\s]*$|^(page\s*)?\d+(\s*(of|\/)\s*\d+)?$/i;

const outerLines = (p: { lines: PageLine[] }) => [...p.lines.slice(0, 2), ...p.lines.slice(Math.max(2, p.lines.length - 2))];
const key = (l: PageLine) => lineText(l).replace(/[0-9０-９]+/g, '#').replace(/\s/g, '');

const bigrams = (s: string) => new Set(Array.from({ length: Math.max(s.length - 1, 0) }, (_, i) => s.slice(i, i + 2)));

/** Two readings of one printed header: OCR misreads a character or two of it, differently on each page. */
function alike(a: string, b: string): boolean {
  const [x, y] = [bigrams(a), bigrams(b)];
  if (x.size < 3 || y.size < 3) return false;
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return (2 * both) / (x.size + y.size) >= 0.4;
}

/**
 * Drops what a printed page repeats on every sheet: running headers and footers (the same text in
 * the top or bottom margin of at least half the pages) and page numbers ("- 3 -", "第3页 共9页").
 */
export function dropRunningChrome(pages: { height: number; lines: PageLine[] }[]): PageLine[][] {
  const inZone = (l: PageLine, h: number) => l.y < h * MARGIN_ZONE || l.y > h * (1 - MARGIN_ZONE);
  const seen = new Map<string, number>();
  const zoneKeys = pages.map((p) => new Set(outerLines(p).filter((l) => inZone(l, p.height)).map(key)));
  for (const keys of zoneKeys) for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  // On a scan, pages where a reading like this one stands in the margin.
  const seenAlike = (k: string) => zoneKeys.filter((keys) => [...keys].some((o) => o === k || alike(o, k))).length;
  // A folio is a folio when most pages have one: a lone "4" heading a page's table rows is not.
  const folios = pages.filter((p) => outerLines(p).some((l) => inZone(l, p.height) && PAGE_NUMBER.test(lineText(l).trim()))).length;
  const numbered = folios >= pages.length / 2;
  const enough = (n: number) => pages.length >= 2 && n >= Math.max(2, pages.length / 2);
  const repeated = (l: PageLine) => enough(seen.get(key(l)) ?? 0) || (l.confidence !== undefined && enough(seenAlike(key(l))));
  return pages.map((p) =>
    p.lines.filter((l, i) => {
      // Only the outermost lines of a page: a short body line near the bottom ("4" in a table) stays.
      const outer = i < 2 || i >= p.lines.length - 2;
      if (!outer || !inZone(l, p.height)) return true;
      return !(numbered && PAGE_NUMBER.test(lineText(l).trim())) && !repeated(l);
    }),
  );
}
