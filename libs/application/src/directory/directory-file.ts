import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { COLUMNS, DirectoryRows, joinList, REQUIRED, RowError, SHEETS, splitList } from '@app/domain';

/** The tables of a directory file. */
export type DirectorySheet = keyof typeof SHEETS;

/** A directory file that cannot be read, or has bad rows; nothing was written. */
export class DirectoryRowsError extends Error {
  override readonly name = 'DirectoryRowsError';
  constructor(readonly errors: RowError[]) {
    super(`目录文件有 ${errors.length} 处错误，未导入任何内容`);
  }
}

type Grid = { sheet: string; rows: { row: number; cells: string[] }[] };

/** Reads an office's .xlsx (sheets 单位, 分组, 用户, found by their headers) or .csv (one of them). */
export async function readDirectoryFile(fileName: string, content: Buffer): Promise<DirectoryRows> {
  const lower = fileName.toLowerCase();
  let grids: Grid[];
  if (lower.endsWith('.xlsx')) grids = await readXlsx(content);
  else if (lower.endsWith('.csv')) grids = [readCsv(content)];
  else throw new DirectoryRowsError([{ sheet: '', row: 0, message: `不支持的文件类型「${fileName}」：请上传 .xlsx 或 .csv` }]);
  const out: DirectoryRows = { units: [], groups: [], users: [] };
  const errors: RowError[] = [];
  const found = new Set<DirectorySheet>();
  for (const g of grids) {
    const header = g.rows.find((r) => r.row === 1)?.cells ?? [];
    const kind = sheetKind(header);
    if (!kind) continue;
    if (found.has(kind)) {
      errors.push({ sheet: g.sheet, row: 1, message: `第 1 行：文件中有两张${SHEETS[kind]}表` });
      continue;
    }
    found.add(kind);
    const columns = columnIndex(kind, header);
    for (const key of REQUIRED[kind]) {
      if (columns[key] === undefined) errors.push({ sheet: SHEETS[kind], row: 1, message: `第 1 行：${SHEETS[kind]}表缺少「${(COLUMNS[kind] as Record<string, readonly string[]>)[key][0]}」列` });
    }
    const cell = (cells: string[], key: string) => (columns[key] === undefined ? '' : (cells[columns[key]] ?? '').trim());
    for (const { row, cells } of g.rows) {
      if (row === 1 || cells.every((c) => !c.trim())) continue;
      if (kind === 'units') {
        out.units.push({ row, name: cell(cells, 'name'), code: cell(cells, 'code'), aliases: splitList(cell(cells, 'aliases')), parent: cell(cells, 'parent'), kind: cell(cells, 'kind'), groups: splitList(cell(cells, 'groups')) });
      } else if (kind === 'groups') {
        out.groups.push({ row, name: cell(cells, 'name'), aliases: splitList(cell(cells, 'aliases')) });
      } else {
        out.users.push({
          row,
          displayName: cell(cells, 'displayName'),
          username: cell(cells, 'username'),
          unit: cell(cells, 'unit'),
          roles: splitList(cell(cells, 'roles')),
          email: cell(cells, 'email'),
          phone: cell(cells, 'phone'),
          password: cell(cells, 'password'),
        });
      }
    }
  }
  if (found.size === 0) errors.push({ sheet: '', row: 1, message: '第 1 行：文件中没有单位表或用户表（表头须含「单位名称」或「用户名」）' });
  if (errors.length) throw new DirectoryRowsError(errors);
  return out;
}

/** Users first: their 单位 column would otherwise pass for a units table. */
function sheetKind(header: string[]): DirectorySheet | null {
  const has = (names: readonly string[]) => header.some((h) => names.includes(h.trim().toLowerCase()) || names.includes(h.trim()));
  if (has(COLUMNS.users.username)) return 'users';
  if (has(COLUMNS.groups.name)) return 'groups';
  if (has(COLUMNS.units.name)) return 'units';
  return null;
}

function columnIndex(kind: DirectorySheet, header: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const titles = header.map((h) => h.trim().toLowerCase());
  for (const [key, names] of Object.entries(COLUMNS[kind] as Record<string, readonly string[]>)) {
    const i = titles.findIndex((t) => names.some((n) => n.toLowerCase() === t));
    if (i >= 0) out[key] = i;
  }
  return out;
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return text((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text ?? '');
    return '';
  }
  return String(v);
}

async function readXlsx(content: Buffer): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new DirectoryRowsError([{ sheet: '', row: 0, message: '无法读取 Excel 文件：文件已损坏或不是 .xlsx' }]);
  }
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    const rows: Grid['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (r, row) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(text(r.getCell(c).value));
      rows.push({ row, cells });
    });
    grids.push({ sheet: ws.name, rows });
  });
  return grids;
}

/** UTF-8 (with or without BOM) or, as Excel saves CSV on Chinese Windows, GB18030. */
function decode(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    return iconv.decode(buf, 'gb18030');
  }
}

/** Undoes the quote csv-stringify puts before = + - @ (formula injection guard), so export → import is exact. */
const unescapeFormula = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

function readCsv(content: Buffer): Grid {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decode(content), { info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 0;
    throw new DirectoryRowsError([{ sheet: '', row: line, message: `第 ${line} 行：CSV 格式有误（引号不成对或分隔符不一致）` }]);
  }
  return { sheet: '', rows: records.map((r) => ({ row: r.info.lines, cells: r.record.map(unescapeFormula) })) };
}

const HEADERS: { [K in DirectorySheet]: [string, (r: DirectoryRows[K][number]) => string][] } = {
  units: [
    [COLUMNS.units.name[0], (r) => r.name],
    [COLUMNS.units.code[0], (r) => r.code],
    [COLUMNS.units.aliases[0], (r) => joinList(r.aliases)],
    [COLUMNS.units.parent[0], (r) => r.parent],
    [COLUMNS.units.kind[0], (r) => r.kind],
    [COLUMNS.units.groups[0], (r) => joinList(r.groups)],
  ],
  groups: [
    [COLUMNS.groups.name[0], (r) => r.name],
    [COLUMNS.groups.aliases[0], (r) => joinList(r.aliases)],
  ],
  users: [
    [COLUMNS.users.displayName[0], (r) => r.displayName],
    [COLUMNS.users.username[0], (r) => r.username],
    [COLUMNS.users.unit[0], (r) => r.unit],
    [COLUMNS.users.roles[0], (r) => joinList(r.roles)],
    [COLUMNS.users.email[0], (r) => r.email],
    [COLUMNS.users.phone[0], (r) => r.phone],
    [COLUMNS.users.password[0], (r) => r.password],
  ],
};

function table<K extends DirectorySheet>(kind: K, rows: DirectoryRows): string[][] {
  const cols = HEADERS[kind];
  return [cols.map(([h]) => h), ...(rows[kind] as DirectoryRows[K][number][]).map((r) => cols.map(([, get]) => get(r)))];
}

/** One workbook, sheets 单位, 分组, 用户: the format readDirectoryFile reads. */
export async function writeDirectoryXlsx(rows: DirectoryRows): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const kind of ['units', 'groups', 'users'] as const) {
    const ws = wb.addWorksheet(SHEETS[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const r of table(kind, rows)) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 30 : 18));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One table as UTF-8 CSV with a BOM (Excel opens it); formula-like cells are quoted. */
export function writeDirectoryCsv(rows: DirectoryRows, kind: DirectorySheet): Buffer {
  return Buffer.from(`\ufeff${stringify(table(kind, rows), { escape_formulas: true, record_delimiter: '\r\n' })}`, 'utf8');
}
