import type { LaidOutPage, TextRun } from './layout/positioned-text';

interface Word {
  line: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  text: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

const centreX = (w: Word) => w.left + w.width / 2;
const centreY = (w: Word) => w.top + w.height / 2;

/** Words of full glyph height: 一, 、 and ， have boxes that hug a stroke and say little of the line. */
function fullHeight(words: Word[]): Word[] {
  const tallest = Math.max(...words.map((w) => w.height));
  return words.filter((w) => w.height >= tallest * 0.5);
}

/**
 * The page's skew as a slope (dy per dx): the median over tesseract's lines of the least-squares
 * slope of word centres. A scanned page tilts every line alike; one line's slope is noisy.
 */
function pageSlope(lines: Word[][]): number {
  const slopes: number[] = [];
  for (const line of lines) {
    const ws = fullHeight(line);
    if (ws.length < 3) continue;
    const mx = ws.reduce((s, w) => s + centreX(w), 0) / ws.length;
    const my = ws.reduce((s, w) => s + centreY(w), 0) / ws.length;
    const sxx = ws.reduce((s, w) => s + (centreX(w) - mx) ** 2, 0);
    if (sxx === 0) continue;
    slopes.push(ws.reduce((s, w) => s + (centreX(w) - mx) * (centreY(w) - my), 0) / sxx);
  }
  return median(slopes);
}

/**
 * One page's words → runs with the skew taken out: centres are moved back onto the horizontal
 * (y − slope·x), so the pieces tesseract cut one printed line into meet at one height. A word takes
 * its line's centre (glyph boxes vary: 一 and 、 hug a stroke), unless it sits a line away from it,
 * where tesseract joined two printed lines into one.
 */
function deskewedRuns(words: Word[]): TextRun[] {
  const byLine = new Map<string, Word[]>();
  for (const w of words) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  const slope = pageSlope([...byLine.values()]);
  const level = (w: Word) => centreY(w) - slope * centreX(w);
  const runs: TextRun[] = [];
  for (const line of byLine.values()) {
    const full = fullHeight(line);
    const size = median(full.map((w) => w.height));
    const lineCentre = median(full.map(level));
    for (const w of line) {
      // A word keeps its line's height unless it sits a line away from it: tesseract joined two lines.
      const centre = full.includes(w) && Math.abs(level(w) - lineCentre) > size * 0.6 ? level(w) : lineCentre;
      runs.push({ x: w.left, y: centre + size / 2, width: w.width, size, text: w.text, confidence: w.conf });
    }
  }
  return runs;
}

/**
 * tesseract's TSV → pages of positioned words. Level 1 rows give each page's size in pixels, level 5
 * rows the words with their box and confidence (0–100) and the block/paragraph/line they belong to.
 */
export function parseTesseractTsv(tsv: string): LaidOutPage[] {
  const pages = new Map<number, { width: number; height: number; words: Word[] }>();
  for (const r of tsv.split('\n').slice(1).map((l) => l.split('\t'))) {
    if (r.length < 12) continue;
    const [level, page, block, par, line, , left, top, width, height, conf] = r.slice(0, 11).map(Number);
    if (level === 1) pages.set(page, { width, height, words: [] });
    const text = r.slice(11).join('\t').trim();
    const p = pages.get(page);
    if (level !== 5 || !p || !text || conf < 0) continue;
    p.words.push({ line: `${block}/${par}/${line}`, left, top, width, height, conf, text });
  }
  return [...pages.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => ({ width: p.width, height: p.height, runs: deskewedRuns(p.words) }));
}
