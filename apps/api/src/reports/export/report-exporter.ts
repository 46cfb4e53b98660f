import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { cellText, ColumnKind, ReportTable } from './report-table';
import { writeXlsx } from './xlsx-writer';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A sheet of a workbook export; without a table it holds only its heading lines. */
export interface ExportSheet<Row = unknown> {
  title: string;
  heading?: string[];
  table?: ReportTable<Row>;
}

export interface ExportFile {
  contentType: string;
  fileName: string;
  body: Buffer;
}

/** Excel opens a UTF-8 CSV as the local code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF';
const CREATOR = 'Duban 督办';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * A sheet name Excel accepts, unique in the workbook: at most 31 characters, none of []:*?/\
 * (replaced before de-duplicating, so two titles that differ only there still get two names), and no
 * apostrophe first or last (Excel refuses those too; inside a name one is fine).
 */
export const sheetName = (s: string, used: Set<string>): string => {
  const base = s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28).replace(/^'+|'+$/g, '') || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)}(${i})`;
  used.add(name);
  return name;
};

/** A CSV cell: numbers stay numbers (so a negative one is not taken for a formula), the rest as in the XLSX. */
const csvCell = (value: unknown, kind: ColumnKind): string | number =>
  typeof value === 'number' && (kind === 'int' || kind === 'number' || kind === 'rate') ? value : cellText(value, kind);

/** The one exporter every report goes through: CSV and XLSX from the same table definition. */
@Injectable()
export class ReportExporter {
  csv<Row>(t: ReportTable<Row>): ExportFile {
    const records = [t.columns.map((c) => c.header), ...t.rows.map((row) => t.columns.map((c) => csvCell(row[c.key], c.kind)))];
    // escape_formulas: a note such as =HYPERLINK(…) or +cmd|… is text in Excel, never a formula to run.
    const text = stringify(records, { escape_formulas: true, record_delimiter: '\r\n' });
    return { contentType: 'text/csv; charset=utf-8', fileName: `${t.title}.csv`, body: Buffer.from(BOM + text, 'utf8') };
  }

  xlsx(tables: ReportTable<unknown>[], fileTitle = tables[0]?.title ?? 'report'): ExportFile {
    return this.workbook(
      tables.map((table) => ({ title: table.title, table })),
      `${fileTitle}.xlsx`,
    );
  }

  /**
   * One sheet per entry, named from its title (Excel-safe, unique in the file): heading lines, then the
   * table under a frozen bold header row with the columns' widths and number formats.
   */
  workbook(sheets: ExportSheet[], fileName: string): ExportFile {
    const used = new Set<string>();
    const body = writeXlsx(
      sheets.map((s) => ({ name: sheetName(s.title, used), heading: s.heading, table: s.table })),
      { creator: CREATOR },
    );
    return { contentType: XLSX_TYPE, fileName, body };
  }
}
