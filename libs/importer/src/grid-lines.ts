import { columnRole, type ColumnRole } from './headings';
import type { Sheet } from './table-rows';
import type { Line } from './types';

/**
 * Tables that arrive one row per line: "序号 | 具体工作任务 | 责任领导 | 责任单位 |" copied from a web
 * page, or "1 主动对接… 易承志 经济发展局 持续推进 区委、区政府" with spaces between cells. Each such
 * table becomes a Sheet for the spreadsheet reader, which places cells by column, not by shape.
 */
export interface Grid {
  /** Index, in the returned lines, where the table stood. */
  at: number;
  sheet: Sheet;
  /** Original line number of each sheet row. */
  lineNos: number[];
}

/** Whether a line holds a cell border "|" or "｜" (a plain search: this runs on every line). */
function hasPipe(t: string): boolean {
  return t.includes('|') || t.includes('｜');
}

function pipeCells(text: string): string[] {
  return text
    .split(/\s*[|｜]\s*/)
    .map((c) => c.trim())
    .filter((c) => c);
}

function header(text: string): { cells: string[]; roles: ColumnRole[]; pipes: boolean } | null {
  // Every row-per-line table in the corpus starts with 序号/编号: a cheap test before splitting.
  if (!/^\s*[|｜]?\s*(序号|编号|序|项目编号|任务编号)(\s|[|｜])/.test(text)) return null;
  const pipes = hasPipe(text);
  const cells = pipes ? pipeCells(text) : text.split(/\s+/);
  if (cells.length < 3) return null;
  const roles = cells.map(columnRole);
  if (roles.some((r) => r === null)) return null;
  const known = roles as ColumnRole[];
  if (!known.includes('no') || !(known.includes('title') || known.includes('content'))) return null;
  return { cells, roles: known, pipes };
}

export function isGridHeader(text: string): boolean {
  return header(text) !== null;
}

/** A row's cells aligned to the header: surplus words (spaces inside the text) go back into the text column. */
function rowCells(text: string, head: { roles: ColumnRole[]; pipes: boolean }): string[] | null {
  let cells = head.pipes ? pipeCells(text) : text.trim().split(/\s+/);
  if (!/^\d{1,3}$/.test(cells[0] ?? '')) return null;
  const n = head.roles.length;
  if (cells.length > n) {
    const at = Math.max(head.roles.indexOf('title'), head.roles.indexOf('content'), 1);
    const extra = cells.length - n;
    cells = [...cells.slice(0, at), cells.slice(at, at + extra + 1).join(head.pipes ? ' ' : ''), ...cells.slice(at + extra + 1)];
  }
  return cells.length >= n - 1 ? cells : null;
}

/** Takes the row-per-line tables out of `lines`; other lines lose their stray "|" cell borders. */
export function findGrids(lines: Line[]): { lines: Line[]; grids: Grid[] } {
  const out: Line[] = [];
  const grids: Grid[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = header(lines[i].text);
    if (head) {
      const rows: string[][] = [head.cells];
      const lineNos = [lines[i].no];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const cells = rowCells(lines[j].text, head);
        if (!cells) break;
        rows.push(cells);
        lineNos.push(lines[j].no);
      }
      if (rows.length > 1) {
        grids.push({ at: out.length, sheet: { name: `表${grids.length + 1}`, rows }, lineNos });
        i = j - 1;
        continue;
      }
    }
    const t = lines[i].text;
    if (!hasPipe(t)) {
      out.push(lines[i]);
      continue;
    }
    // "坚持服务… |", "||||", "索引号: | 0001 | 分类: |": cell borders, not text.
    const text = pipeCells(t).join(' ');
    if (text) out.push({ no: lines[i].no, text });
  }
  return { lines: out, grids };
}
