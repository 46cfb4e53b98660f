import type { LaidOutPage, PageLine, TextRun } from './positioned-text';

/** A gap this many font sizes wide between runs on one baseline separates table cells. */
const CELL_GAP = 1.6;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/**
 * Runs → lines: runs whose baselines lie within a third of a glyph are one line, read left to right.
 * Producers emit runs in drawing order, which is not reading order (two columns, a table drawn cell
 * by cell), so position decides, not order.
 */
export function pageLines(page: LaidOutPage, pageNo: number): PageLine[] {
  const runs = page.runs.filter((r) => r.text.trim() !== '' && r.size > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const r of runs) {
    const g = groups[groups.length - 1];
    // An OCR'd line can be as tall as two (tesseract boxed words of two lines together): its size
    // must not pull the next line's words in, so there the smaller size sets the tolerance.
    const size = (r.confidence === undefined ? Math.max : Math.min)(g?.[0].size ?? 0, r.size);
    if (g && Math.abs(g[0].y - r.y) <= size / 3) g.push(r);
    else groups.push([r]);
  }
  const lines = groups.map((g) => toLine(g.sort((a, b) => a.x - b.x), pageNo)).flatMap((l) => (l.confidence === undefined ? [l] : ocrMarks(l)));
  if (!page.tables?.length) return lines;
  // Rows of ruled tables (a scan's) stand among the lines at their height, one cell a column.
  const rows = page.tables.flatMap((t) =>
    t.rows.map((r): PageLine => ({
      page: pageNo,
      x: r.cells[0].x,
      right: r.cells[r.cells.length - 1].right,
      y: r.y,
      size: r.size,
      cells: r.cells,
      runs: r.cells.filter((c) => c.text),
      ruled: r.cells.length,
      ...(r.confidence !== undefined ? { confidence: r.confidence } : {}),
    })),
  );
  return [...lines, ...rows].sort((a, b) => a.y - b.y);
}

/**
 * An OCR'd line of marks only ("-", ".", "||", "“|") is speckle or a rule, not text, with one
 * exception: a bar alone on its line is how tesseract reads a lone "1" (a row number).
 */
function ocrMarks(l: PageLine): PageLine[] {
  const text = l.cells.map((c) => c.text).join('');
  if (/[\p{L}\p{N}]/u.test(text)) return [l];
  if (!/^[|｜]$/.test(text)) return [];
  const one = { x: l.x, right: l.right, text: '1' };
  return [{ ...l, cells: [one], runs: [one] }];
}

function toLine(runs: TextRun[], pageNo: number): PageLine {
  const size = median(runs.map((r) => r.size));
  const cells: PageLine['cells'] = [];
  let prevRight = -Infinity;
  for (const r of runs) {
    const gap = r.x - prevRight;
    const last = cells[cells.length - 1];
    if (last && gap < CELL_GAP * size) {
      // A visible gap between runs is a space the producer did not draw as a glyph. Beside Chinese
      // characters and punctuation only a wide one is: OCR boxes hug each glyph, so they stand apart.
      // OCR boxes leave gaps even between a digit and a character ("2025 年"): there both must be Latin.
      const [a, b] = [/[A-Za-z0-9]$/.test(last.text), /^[A-Za-z0-9]/.test(r.text)];
      const latin = r.confidence === undefined ? a || b : a && b;
      const space = gap > size * (latin ? 0.25 : 0.6) ? ' ' : '';
      last.text += space + r.text;
      last.right = Math.max(last.right, r.x + r.width);
    } else {
      cells.push({ x: r.x, right: r.x + r.width, text: r.text });
    }
    prevRight = Math.max(prevRight, r.x + r.width);
  }
  for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim();
  const confs = runs.map((r) => r.confidence).filter((c): c is number => c !== undefined);
  return {
    page: pageNo,
    x: cells[0].x,
    right: Math.max(...cells.map((c) => c.right)),
    y: runs[0].y,
    size,
    cells: cells.filter((c) => c.text),
    runs: runs.map((r) => ({ x: r.x, right: r.x + r.width, text: r.text })),
    ...(confs.length ? { confidence: Math.min(...confs) } : {}),
  };
}
