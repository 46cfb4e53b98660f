import type { LaidOutPage, TextRun } from './layout/positioned-text';

/**
 * tesseract's TSV → pages of positioned words. Level 1 rows give each page's size in pixels, level 4
 * rows the lines, level 5 rows the words with their box and confidence (0–100). A word takes its
 * line's bottom and height: its own box shrinks around 一 or 、, and a skewed scan tilts the words
 * of one line apart, while tesseract already knows which line each belongs to.
 */
export function parseTesseractTsv(tsv: string): LaidOutPage[] {
  const pages = new Map<number, LaidOutPage>();
  const lineBox = new Map<string, { bottom: number; height: number }>();
  const rows = tsv.split('\n').slice(1).map((l) => l.split('\t'));
  for (const r of rows) {
    if (r.length < 12) continue;
    const [level, page, block, par, line, , , top, width, height] = r.slice(0, 10).map(Number);
    if (level === 1) pages.set(page, { width, height, runs: [] });
    if (level === 4) lineBox.set(`${page}/${block}/${par}/${line}`, { bottom: top + height, height });
  }
  for (const r of rows) {
    if (r.length < 12 || r[0] !== '5') continue;
    const [, page, block, par, line, , left, top, width, height, conf] = r.slice(0, 11).map(Number);
    const text = r.slice(11).join('\t').trim();
    const p = pages.get(page);
    if (!p || !text || conf < 0) continue;
    const box = lineBox.get(`${page}/${block}/${par}/${line}`) ?? { bottom: top + height, height };
    const run: TextRun = { x: left, y: box.bottom, width, size: box.height, text, confidence: conf };
    p.runs.push(run);
  }
  return [...pages.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
}
