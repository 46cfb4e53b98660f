import type { PageLine } from './positioned-text';

export type Block = { kind: 'line'; line: PageLine } | { kind: 'table'; rows: { cells: string[]; line: PageLine }[] };

/** Which column a fragment starting at x belongs to: the last column starting at or left of it. */
function columnOf(starts: number[], x: number, tolerance: number): number {
  let col = 0;
  starts.forEach((s, i) => {
    if (x >= s - tolerance) col = i;
  });
  return col;
}

/** A header repeated at the top of a following page is one header, not a row. */
function withoutRepeatedHeader(rows: { cells: string[]; line: PageLine }[]): { cells: string[]; line: PageLine }[] {
  const header = rows[0].cells.join('|');
  return rows.filter((r, k) => k === 0 || r.cells.join('|') !== header);
}

/**
 * Rows of a ruled table read from a scan (one line a row, its cells the columns), up to where the
 * table ends; a table going on over the next page, with as many columns, is the same table. A row
 * with nothing in the first column continues the row above (the first column's cell is merged
 * across both), as in a table read from a text layer.
 */
function ruledTable(lines: PageLine[], i: number): { block: Block; next: number } {
  const rows: { cells: string[]; line: PageLine }[] = [];
  let j = i;
  for (; j < lines.length && lines[j].ruled === lines[i].ruled; j++) {
    const l = lines[j];
    const row = rows[rows.length - 1];
    if (!row || l.cells[0].text) rows.push({ cells: l.cells.map((c) => c.text), line: l });
    else {
      l.cells.forEach((c, k) => (row.cells[k] += c.text));
      if (l.confidence !== undefined) row.line = { ...row.line, confidence: Math.min(l.confidence, row.line.confidence ?? 100) };
    }
  }
  return { block: { kind: 'table', rows: withoutRepeatedHeader(rows) }, next: j };
}

/**
 * Tables come back as rows of cells. A table starts at a line split into two or more cells (its
 * header fixes the columns); it goes on while lines keep to those columns. A line with text in the
 * first column starts a row, as does a gap clearly wider than the table's line spacing; any other
 * line continues the cells of the row above (a cell's text wrapped inside its box).
 */
export function findTables(lines: PageLine[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const head = lines[i];
    if (head.ruled) {
      const { block, next } = ruledTable(lines, i);
      blocks.push(block);
      i = next;
      continue;
    }
    if (head.cells.length < 2) {
      blocks.push({ kind: 'line', line: head });
      i++;
      continue;
    }
    const starts = head.cells.map((c) => c.x);
    const tol = head.size;
    // A lone fragment belongs to the table only when it stays inside one column (a paragraph after the
    // table runs across them).
    const fits = (l: PageLine) =>
      l.runs.every((r) => {
        const col = columnOf(starts, r.x, tol);
        return r.x >= starts[0] - tol && (col === starts.length - 1 || r.right <= starts[col + 1] + tol / 2);
      });
    let j = i + 1;
    while (j < lines.length && fits(lines[j])) j++;
    const region = lines.slice(i, j);
    if (region.length < 2) {
      // One line with wide gaps ("文    号  有效性") is spaced text, not a table.
      const cell = { x: head.x, right: head.right, text: head.cells.map((c) => c.text).join(' ') };
      blocks.push({ kind: 'line', line: { ...head, cells: [cell], runs: [cell] } });
      i++;
      continue;
    }
    const steps = region.slice(1).map((l, k) => (l.page === region[k].page ? l.y - region[k].y : Infinity));
    const step = Math.min(...steps.filter((d) => d > 0 && Number.isFinite(d)), Infinity);
    const rows: { cells: string[]; line: PageLine }[] = [];
    region.forEach((l, k) => {
      const cols = new Map<number, string>();
      // Runs, not gap-split cells: text filling a cell to its border sits close to the next column.
      for (const r of l.runs) {
        const col = columnOf(starts, r.x, tol);
        cols.set(col, (cols.get(col) ?? '') + r.text.trim());
      }
      const wide = k > 0 && steps[k - 1] > step * 1.25;
      const row = rows[rows.length - 1];
      if (!row || cols.has(0) || wide) {
        rows.push({ cells: starts.map((_, c) => cols.get(c) ?? ''), line: l });
      } else {
        for (const [c, t] of cols) row.cells[c] += t;
      }
    });
    blocks.push({ kind: 'table', rows: withoutRepeatedHeader(rows) });
    i = j;
  }
  return blocks;
}
