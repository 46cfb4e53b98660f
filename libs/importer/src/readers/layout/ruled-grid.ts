/**
 * Ruled tables on a page image: the long horizontal and vertical runs of dark pixels that print a
 * table's borders, found along the page's skew, and the grid of cells they enclose (merged cells
 * included: a cell whose border is missing spans into its neighbour).
 *
 * Coordinates are those of a page turned straight: for a page whose text lines fall by `slope`
 * pixels per pixel, a point (x, y) of the image is (x + slope·y, y − slope·x) here. Words placed in
 * the same frame land in the cell they were printed in, however far the page was tilted.
 */

/** An 8-bit greyscale image, one byte a pixel (0 black, 255 white), row by row. */
export interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** A binary PGM (pdftoppm -gray writes these): "P5 <w> <h> <max>" then one byte a pixel. */
export function readPgm(buf: Buffer): Gray | null {
  const m = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 200).toString('latin1'));
  if (!m || Number(m[3]) !== 255) return null;
  const [width, height] = [Number(m[1]), Number(m[2])];
  const pixels = buf.subarray(m[0].length);
  return pixels.length >= width * height ? { width, height, pixels } : null;
}

/** A straight rule: at its offset (y of a horizontal, x of a vertical), from one end to the other. */
export interface Rule {
  at: number;
  from: number;
  to: number;
}

/** A pixel darker than this is ink. */
const INK = 160;
/** Gaps a rule may have (speckle, a faint print) and still be one rule, in pixels. */
const MAX_GAP = 2;

interface Run {
  line: number;
  from: number;
  to: number;
}

/**
 * Runs of ink at least `minLength` long along each straightened row (horizontal) or column
 * (vertical), with gaps up to MAX_GAP bridged, then runs on neighbouring rows merged into one rule
 * (a rule is a few pixels thick).
 */
function rules(img: Gray, slope: number, minLength: number, maxThickness: number, vertical: boolean): Rule[] {
  const { width: w, height: h, pixels } = img;
  const [lines, along] = vertical ? [w, h] : [h, w];
  // Where each step along a straightened line lands across it: a vertical at x′ runs through
  // x = x′ − slope·y, a horizontal at y′ through y = y′ + slope·x.
  const shift = Int32Array.from({ length: along }, (_, t) => Math.round((vertical ? -slope : slope) * t));
  const runs: Run[] = [];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let last = -1;
    for (let t = 0; t < along; t++) {
      const across = line + shift[t];
      if (across < 0 || across >= lines) continue;
      if (pixels[vertical ? t * w + across : across * w + t] >= INK) continue;
      if (start < 0 || t - last > MAX_GAP) {
        if (start >= 0 && last - start + 1 >= minLength) runs.push({ line, from: start, to: last });
        start = t;
      }
      last = t;
    }
    if (start >= 0 && last - start + 1 >= minLength) runs.push({ line, from: start, to: last });
  }
  // Runs on consecutive lines that overlap are one rule a few pixels thick.
  const out: Array<Rule & { lines: number[]; last: number }> = [];
  for (const r of runs) {
    const rule = out.find((o) => r.line - o.last <= 2 && r.from < o.to && r.to > o.from);
    if (rule) {
      rule.lines.push(r.line);
      rule.last = r.line;
      rule.from = Math.min(rule.from, r.from);
      rule.to = Math.max(rule.to, r.to);
    } else {
      out.push({ at: r.line, from: r.from, to: r.to, lines: [r.line], last: r.line });
    }
  }
  // A band of ink thicker than a rule is print (a row of text, a black box), not a border.
  return out
    .filter((o) => o.last - o.lines[0] + 1 <= maxThickness)
    .map((o) => ({ at: o.lines.reduce((s, l) => s + l, 0) / o.lines.length, from: o.from, to: o.to }));
}

export interface PageRules {
  horizontal: Rule[];
  vertical: Rule[];
}

/**
 * The page's rules. `glyph` is the body text's height in pixels: a rule is longer than any stroke of
 * a character (three glyphs across, one and a half down: a table row is at least a line and its padding).
 */
export function findRules(img: Gray, slope: number, glyph: number): PageRules {
  const thick = Math.max(8, glyph / 4);
  return { horizontal: rules(img, slope, Math.max(3 * glyph, 60), thick, false), vertical: rules(img, slope, Math.max(1.5 * glyph, 30), thick, true) };
}

/** The image with its rules whited out (a few pixels either side of each), as a PGM tesseract reads. */
export function eraseRules(img: Gray, { horizontal, vertical }: PageRules, slope: number, margin = 4): Gray {
  const { width: w, height: h } = img;
  const pixels = Uint8Array.from(img.pixels.subarray(0, w * h));
  for (const r of horizontal) {
    for (let x = Math.max(0, r.from); x <= Math.min(w - 1, r.to); x++) {
      const y0 = Math.round(r.at + slope * x);
      for (let y = Math.max(0, y0 - margin); y <= Math.min(h - 1, y0 + margin); y++) pixels[y * w + x] = 255;
    }
  }
  for (const r of vertical) {
    for (let y = Math.max(0, r.from); y <= Math.min(h - 1, r.to); y++) {
      const x0 = Math.round(r.at - slope * y);
      for (let x = Math.max(0, x0 - margin); x <= Math.min(w - 1, x0 + margin); x++) pixels[y * w + x] = 255;
    }
  }
  return { width: w, height: h, pixels };
}

/** A binary PGM of an image. */
export function writePgm(img: Gray): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1'), Buffer.from(img.pixels.buffer, img.pixels.byteOffset, img.width * img.height)]);
}

/** A ruled table: column and row borders, and for each row band and column the cell that owns it. */
export interface RuledGrid {
  xs: number[];
  ys: number[];
  /** owner[row][col] = [row, col] of the (merged) cell covering that slot. */
  owner: Array<Array<[number, number]>>;
}

/** Positions within `tol` of each other are one border: their mean. */
function cluster(xs: number[], tol: number): number[] {
  const out: number[][] = [];
  for (const x of [...xs].sort((a, b) => a - b)) {
    const c = out[out.length - 1];
    if (c && x - c[c.length - 1] <= tol) c.push(x);
    else out.push([x]);
  }
  return out.map((c) => c.reduce((s, x) => s + x, 0) / c.length);
}

/**
 * Tables from a page's rules: horizontal and vertical rules that cross are one table; it needs two of
 * each (an underline or a lone box is not a table). Borders a rule leaves open make merged cells.
 */
export function ruledGrids({ horizontal, vertical }: PageRules, tol = 10): RuledGrid[] {
  const crosses = (h: Rule, v: Rule) => v.at >= h.from - tol && v.at <= h.to + tol && h.at >= v.from - tol && h.at <= v.to + tol;
  // Union-find over the rules: h i is i, v j is horizontal.length + j.
  const parent = [...horizontal, ...vertical].map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  horizontal.forEach((h, i) => vertical.forEach((v, j) => crosses(h, v) && (parent[root(i)] = root(horizontal.length + j))));
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  horizontal.forEach((h, i) => groups.set(root(i), { h: [...(groups.get(root(i))?.h ?? []), h], v: groups.get(root(i))?.v ?? [] }));
  vertical.forEach((v, j) => {
    const k = root(horizontal.length + j);
    groups.set(k, { h: groups.get(k)?.h ?? [], v: [...(groups.get(k)?.v ?? []), v] });
  });
  const grids: RuledGrid[] = [];
  for (const { h, v } of groups.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const xs = cluster(v.map((r) => r.at), tol);
    // A table cut by the page's end has no closing rule: its verticals still bound it.
    const ys = cluster(h.map((r) => r.at), tol);
    for (const end of [Math.min(...v.map((r) => r.from)), Math.max(...v.map((r) => r.to))]) if (ys.every((y) => Math.abs(y - end) > tol * 2)) ys.push(end);
    ys.sort((a, b) => a - b);
    // Two columns at least: a single ruled box around a paragraph is a frame, not a table.
    if (xs.length < 3 || ys.length < 2) continue;
    const covers = (rs: Rule[], at: number, a: number, b: number) => rs.some((r) => Math.abs(r.at - at) <= tol && r.from <= (a + b) / 2 && r.to >= (a + b) / 2);
    const owner: RuledGrid['owner'] = [];
    for (let i = 0; i < ys.length - 1; i++) {
      owner.push([]);
      for (let j = 0; j < xs.length - 1; j++) {
        let jj = j;
        while (jj > 0 && !covers(v, xs[jj], ys[i], ys[i + 1])) jj--;
        let ii = i;
        while (ii > 0 && !covers(h, ys[ii], xs[jj], xs[jj + 1])) ii--;
        owner[i].push(ii === i ? [i, jj] : owner[ii][jj]);
      }
    }
    grids.push({ xs, ys, owner });
  }
  return grids.sort((a, b) => a.ys[0] - b.ys[0]);
}

/** The slot (row band, column) holding a straightened point, or null outside the grid. */
export function slotOf(g: RuledGrid, x: number, y: number, tol = 10): [number, number] | null {
  if (x < g.xs[0] - tol || x > g.xs[g.xs.length - 1] + tol || y < g.ys[0] - tol || y > g.ys[g.ys.length - 1] + tol) return null;
  const band = (bs: number[], p: number) => Math.min(Math.max(bs.findIndex((b, k) => k > 0 && p < b) - 1, 0), bs.length - 2);
  const i = y >= g.ys[g.ys.length - 1] ? g.ys.length - 2 : band(g.ys, y);
  const j = x >= g.xs[g.xs.length - 1] ? g.xs.length - 2 : band(g.xs, x);
  return [i, j];
}
