import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ImportError } from '../errors';
import type { Sheet } from '../table-rows';

type CellValue = ExcelJS.CellValue;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Plain text of one cell: rich text, formulas, hyperlinks and dates included. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // Excel dates are wall-clock dates stored as UTC midnight.
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText((v as { result?: CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text ?? '');
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

export async function readXlsx(buf: Buffer): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new ImportError('unreadable', `无法读取 Excel 文件：${e instanceof Error ? e.message : String(e)}`);
  }
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
      rows.push(cells);
    }
    sheets.push({ name: ws.name, rows });
  });
  return sheets;
}

/**
 * RFC 4180 CSV (quotes, doubled quotes, newlines in quotes) with a sniffed delimiter, read by
 * csv-parse. Rows keep their own widths and blank lines stay (as ['']): the sheet parser finds the
 * header row and skips blanks itself. A stray quote inside an unquoted cell is kept as text, as
 * spreadsheet programs write it; a quote never closed is an unreadable file, not a silent guess.
 */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, {
      delimiter: sniffDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as string[][];
  } catch (e) {
    const line = e instanceof CsvError ? (e as CsvError & { lines?: number }).lines : undefined;
    throw new ImportError('unreadable', `无法读取 CSV 文件：${e instanceof Error ? e.message : String(e)}`, line ? { line } : {});
  }
}

export function sniffDelimiter(text: string): string {
  const sample = text.split(/\r?\n/).slice(0, 10).filter((l) => l.trim());
  let best = ',';
  let bestScore = 0;
  for (const d of [',', '\t', ';', '，']) {
    const counts = sample.map((l) => l.split(d).length - 1);
    const min = Math.min(...counts);
    const score = min > 0 ? min * 10 + counts.filter((c) => c === counts[0]).length : 0;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
