import { classifyHeading } from '../../headings';
import { lineText, type LaidOutPage, type PageLine } from './positioned-text';
import { pageLines } from './page-lines';
import { readRedHead } from './red-head';
import { dropRunningChrome } from './running-chrome';
import { findTables } from './table-rows';

/** The text a fixed-layout document reads as, and the OCR confidence of each of its lines (1-based). */
export interface LayoutText {
  text: string;
  /** Line number → lowest confidence of the runs on it; only for OCR'd lines. */
  confidence: Map<number, number>;
  /** Line number → where it was printed: the page and the line on that page (1-based, top down). */
  origin: Map<number, { page: number; line: number }>;
}

function mostCommon(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(Math.round(x), (counts.get(Math.round(x)) ?? 0) + 1);
  let best = 0;
  let n = -1;
  for (const [x, c] of counts) if (c > n) [best, n] = [x, c];
  return best;
}

/**
 * Marks Chinese typesetting never starts a line with (行首禁则), full-width ones only: OCR reads speckle
 * as ASCII "." and ",", and a closing quote where an opening one was printed. Closing brackets left
 * out, as ")全力推进…" is a heading that lost its number.
 */
const NO_LINE_START = /^[、，。；：！？】」』》〉]+/;

/**
 * A paragraph wrapped by the page: the line runs to the right margin and the next starts at the left
 * margin (a new paragraph is indented, a heading is recognised), in the same type size. A line that
 * starts with a mark no line may start with continues the one above whatever its size and ends say:
 * those are what OCR gets wrong (a box made tall by a speck, a line cut short by dropped characters).
 */
function continues(a: PageLine, b: PageLine, left: number, right: number): boolean {
  if (a.cells.length > 1 || b.cells.length > 1) return false;
  const text = lineText(b);
  // A heading after a stray mark ("，2.完成…") still starts an item.
  if (NO_LINE_START.test(text) && !classifyHeading(text.replace(NO_LINE_START, ''))) return a.page !== b.page || b.y - a.y <= Math.max(a.size, b.size) * 2.5;
  if (Math.abs(a.size - b.size) > a.size * 0.15) return false;
  if (a.right < right - a.size * 2.2) return false;
  if (b.x > left + a.size * 0.5) return false;
  if (a.page === b.page && b.y - a.y > a.size * 2.5) return false;
  return !classifyHeading(text);
}

/** Pages of positioned text → plain text the plan parser reads (one cell per line for tables). */
export function layoutText(pages: LaidOutPage[]): LayoutText {
  const perPage = pages.map((p, i) => ({ height: p.height, lines: pageLines(p, i + 1) }));
  const all = dropRunningChrome(perPage).flat();
  const bodySize = mostCommon(all.map((l) => l.size));
  const body = all.filter((l) => Math.abs(l.size - bodySize) <= bodySize * 0.15 && l.cells.length === 1);
  const left = body.length ? Math.min(...body.map((l) => l.x).filter((x) => Math.abs(x - mostCommon(body.map((b) => b.x))) < bodySize * 3)) : 0;
  const right = body.length ? Math.max(...body.map((l) => l.right)) : 0;
  const lines = readRedHead(all, bodySize, (p) => pages[p - 1].width);

  const out: string[] = [];
  const confidence = new Map<number, number>();
  const origin = new Map<number, { page: number; line: number }>();
  // A line's place on its page: how many of the page's lines (as read, header and footer included) stand above it.
  const onPage = (l: PageLine) => ({ page: l.page, line: 1 + perPage[l.page - 1].lines.filter((o) => o.y < l.y).length });
  const emit = (text: string, from: PageLine, conf: number | undefined, join: boolean) => {
    if (join && out.length) out[out.length - 1] += text;
    else {
      out.push(text);
      origin.set(out.length, onPage(from));
    }
    if (conf !== undefined) confidence.set(out.length, Math.min(conf, confidence.get(out.length) ?? 100));
  };
  let prev: PageLine | null = null;
  for (const block of findTables(lines)) {
    if (block.kind === 'table') {
      for (const row of block.rows) for (const cell of row.cells) if (cell) emit(cell, row.line, row.line.confidence, false);
      prev = null;
      continue;
    }
    const l = block.line;
    emit(lineText(l), l, l.confidence, prev !== null && continues(prev, l, left, right));
    prev = l;
  }
  return { text: out.join('\n'), confidence, origin };
}
