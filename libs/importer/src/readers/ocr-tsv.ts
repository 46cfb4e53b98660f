import { pageLines } from './layout/page-lines';
import type { LaidOutPage, RuledTable, TextRun } from './layout/positioned-text';
import { eraseRules, findRules, ruledGrids, slotOf, type Gray, type RuledGrid } from './layout/ruled-grid';

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
function deskewedRuns(words: Word[]): { runs: TextRun[]; slope: number } {
  const byLine = new Map<string, Word[]>();
  for (const w of words) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  const slope = pageSlope([...byLine.values()]);
  const level = (w: Word) => centreY(w) - slope * centreX(w);
  const glyph = median(words.map((w) => w.height));
  const runs: TextRun[] = [];
  for (const words of byLine.values()) {
    // A flat smear tesseract could not read (confidence near 0, a few pixels high, wide) is speckle;
    // so is a speck read as a mark. A tiny box around a word is tesseract losing the box, not the word.
    const line = words.filter((w) => !(w.conf < 30 && w.height < glyph / 4 && (w.width > w.height * 4 || !/[\p{L}\p{N}]/u.test(w.text))));
    if (!line.length) continue;
    const full = fullHeight(line);
    const size = median(full.map((w) => w.height));
    const lineCentre = median(full.map(level));
    for (const w of line) {
      // A word keeps its line's height unless it sits a line away from it: tesseract joined two lines.
      const centre = full.includes(w) && Math.abs(level(w) - lineCentre) > size * 0.6 ? level(w) : lineCentre;
      runs.push({ x: w.left, y: centre + size / 2, width: w.width, size, text: w.text, confidence: w.conf });
    }
  }
  return { runs, slope };
}

/** A vertical rule read as a character: tesseract's "|", "丨" or a bracket standing on a border. */
const BORDER_GLYPH = /^[“”"'‘’|｜丨!Il[\]【】]*[|｜丨!Il[\]【】][“”"'‘’]*$/;

/**
 * A word whose box runs over a border between two columns (tesseract boxed "”加" across it, the quote left of the
 * rule and the character right of it) is cut into its characters, each placed by its own centre:
 * Chinese characters are about equally wide.
 */
function splitAtBorders(r: TextRun, grid: RuledGrid): TextRun[] {
  const chars = [...r.text];
  const inside = (x: number) => x > r.x + r.size / 4 && x < r.x + r.width - r.size / 4;
  if (chars.length < 2 || !grid.xs.slice(1, -1).some(inside)) return [r];
  const w = r.width / chars.length;
  return chars.map((text, i) => ({ ...r, x: r.x + i * w, width: w, text }));
}

/**
 * What OCR adds to a cell's edges: a closing quote or a comma cannot start a cell's text, and a row
 * number followed by marks ("3，", "19。。") is the number. A cell holding one bar is a 1 ("|", "I"
 * and "l" are how tesseract reads a lone 1).
 */
function cleanCell(text: string): string {
  if (/^[|｜Il]$/.test(text)) return '1';
  const number = /^(\d{1,3})[\s，,。.、:：;；”“"'·]*$/.exec(text);
  if (number) return number[1];
  return text.replace(/^[\s”’，,。、:：;；·]+/, '');
}

/** A cell's reading: its text, the mean confidence of its words, the weakest, and where its first line stands. */
interface CellRead {
  text: string;
  mean: number;
  min: number;
  y: number;
  size: number;
}

/**
 * Words inside a ruled table go to the cell they were printed in (their centre, straightened like the
 * rules), a cell's lines read top to bottom and joined; a merged cell's text goes to its top-left slot.
 */
function readCells(grid: RuledGrid, runs: TextRun[], slope: number, page: { width: number; height: number }): Map<string, CellRead> {
  const slots = new Map<string, TextRun[]>();
  for (const r of runs.flatMap((run) => splitAtBorders(run, grid))) {
    const cy = r.y - r.size / 2;
    const cx = r.x + r.width / 2 + slope * cy;
    const slot = slotOf(grid, cx, cy);
    if (!slot) continue;
    const [i, j] = grid.owner[slot[0]][slot[1]];
    if (BORDER_GLYPH.test(r.text) && grid.xs.some((x) => Math.abs(x - cx) <= Math.max(r.width, r.size / 2))) continue;
    slots.set(`${i}/${j}`, [...(slots.get(`${i}/${j}`) ?? []), r]);
  }
  const out = new Map<string, CellRead>();
  for (const [key, rs] of slots) {
    const text = pageLines({ ...page, runs: rs }, 1)
      .map((l) => l.cells.map((c) => c.text).join(' '))
      .join('');
    if (!cleanCell(text)) continue;
    const confs = rs.map((r) => r.confidence ?? 100);
    out.set(key, { text: cleanCell(text), mean: confs.reduce((a, b) => a + b, 0) / confs.length, min: Math.min(...confs), y: Math.min(...rs.map((r) => r.y)), size: median(rs.map((r) => r.size)) });
  }
  return out;
}

/** A table's rows from its cells' readings: one row a band of the grid that has any text. */
function tableOf(grid: RuledGrid, cells: Map<string, CellRead>): RuledTable | null {
  const rows: RuledTable['rows'] = [];
  for (let i = 0; i < grid.ys.length - 1; i++) {
    const reads = grid.xs.slice(1).map((_, j) => cells.get(`${i}/${j}`));
    const read = reads.filter((c): c is CellRead => c !== undefined);
    if (!read.length) continue;
    rows.push({
      y: Math.min(...read.map((c) => c.y)),
      size: median(read.map((c) => c.size)),
      cells: reads.map((c, j) => ({ x: grid.xs[j], right: grid.xs[j + 1], text: c?.text ?? '' })),
      confidence: Math.min(...read.map((c) => c.min)),
    });
  }
  return rows.length ? { rows } : null;
}

interface PageWords {
  width: number;
  height: number;
  words: Word[];
}

/** A page as tesseract read it, and (when it has ruled tables) how to read its tables a second time. */
export interface ScanPage {
  page: LaidOutPage;
  /**
   * The page's image with its rules whited out, for tesseract to read again: rules next to text make
   * it misread the cells ("牵头单位" as "天头单位") and cut lines in pieces. `reread` takes that
   * reading's TSV and takes it cell by cell; the first reading stays where the second found nothing
   * (lone row numbers, which tesseract tends to drop once the rules no longer box them).
   */
  again?: { image: Gray; reread: (tsv: string) => LaidOutPage };
}

function splitByGrid(runs: TextRun[], grids: RuledGrid[], slope: number): { rest: TextRun[]; inGrid: TextRun[][] } {
  const rest: TextRun[] = [];
  const inGrid = grids.map(() => [] as TextRun[]);
  for (const r of runs) {
    const cy = r.y - r.size / 2;
    const k = grids.findIndex((g) => slotOf(g, r.x + r.width / 2 + slope * cy, cy) !== null);
    (k >= 0 ? inGrid[k] : rest).push(r);
  }
  return { rest, inGrid };
}

/** One page: words laid out straight; with the page's image, words in ruled tables come back as tables. */
function pageOf(p: PageWords, image: Gray | undefined): ScanPage {
  const { runs, slope } = deskewedRuns(p.words);
  const plain = { page: { width: p.width, height: p.height, runs } };
  if (!image || !runs.length) return plain;
  const glyph = median(p.words.map((w) => w.height));
  const rules = findRules(image, slope, glyph);
  const grids = ruledGrids(rules);
  if (!grids.length) return plain;
  const { rest, inGrid } = splitByGrid(runs, grids, slope);
  const first = grids.map((g, k) => readCells(g, inGrid[k], slope, p));
  const build = (cells: Array<Map<string, CellRead>>): LaidOutPage => {
    const tables = grids.map((g, k) => tableOf(g, cells[k])).filter((t): t is RuledTable => t !== null);
    return { width: p.width, height: p.height, runs: rest, ...(tables.length ? { tables } : {}) };
  };
  const reread = (tsv: string): LaidOutPage => {
    const [again] = pagesOf(tsv);
    if (!again) return build(first);
    const second = deskewedRuns(again.words);
    const split = splitByGrid(second.runs, grids, slope);
    return build(
      grids.map((g, k) => {
        const b = readCells(g, split.inGrid[k], slope, p);
        const best = new Map(first[k]);
        // The reading without rules is the cleaner one wherever it found text.
        for (const [key, cell] of b) best.set(key, cell);
        return best;
      }),
    );
  };
  return { page: build(first), again: { image: eraseRules(image, rules, slope), reread } };
}

function pagesOf(tsv: string): PageWords[] {
  const pages = new Map<number, PageWords>();
  for (const r of tsv.split('\n').slice(1).map((l) => l.split('\t'))) {
    if (r.length < 12) continue;
    const [level, page, block, par, line, , left, top, width, height, conf] = r.slice(0, 11).map(Number);
    if (level === 1) pages.set(page, { width, height, words: [] });
    const text = r.slice(11).join('\t').trim();
    const p = pages.get(page);
    if (level !== 5 || !p || !text || conf < 0) continue;
    p.words.push({ line: `${block}/${par}/${line}`, left, top, width, height, conf, text });
  }
  return [...pages.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
}

/** One page tesseract read from `image`: its text laid out, and a second reading to ask for when it has ruled tables. */
export function readScanPage(tsv: string, image?: Gray): ScanPage {
  const [p] = pagesOf(tsv);
  return p ? pageOf(p, image) : { page: { width: image?.width ?? 0, height: image?.height ?? 0, runs: [] } };
}

/**
 * tesseract's TSV → pages of positioned words. Level 1 rows give each page's size in pixels, level 5
 * rows the words with their box and confidence (0–100) and the block/paragraph/line they belong to.
 * With the image tesseract read (page by page), ruled tables on it come back as tables.
 */
export function parseTesseractTsv(tsv: string, images: Array<Gray | undefined> = []): LaidOutPage[] {
  return pagesOf(tsv).map((p, i) => pageOf(p, images[i]).page);
}
