// CPU per XLSX render of one report table, old (an ExcelJS workbook per request, as the exporter did
// before issue #18) against the candidates, in rounds that alternate so machine noise hits all alike.
// Run: npx ts-node -T -r tsconfig-paths/register bench/reports/xlsx.bench.ts
// Env: BENCH_ROWS (40: the units report of the seeded bench), BENCH_ROUNDS (6), BENCH_RENDERS (200 per round).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText, ColumnKind, ReportTable } from '../../apps/api/src/reports/export/report-table';
import { writeXlsx } from '../../apps/api/src/reports/export/xlsx-writer';
import { UnitReportResponse } from '../../apps/api/src/reports/dto/report.response';
import { unitsTable } from '../../apps/api/src/reports/report-views';

const ROWS = Number(process.env.BENCH_ROWS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const RENDERS = Number(process.env.BENCH_RENDERS ?? 200);

const NUM_FMT: Partial<Record<ColumnKind, string>> = { rate: '0.0%', number: '0.0', int: '0' };
const cellValue = (v: unknown, kind: ColumnKind) =>
  v === null || v === undefined
    ? null
    : kind === 'int' || kind === 'number' || kind === 'rate'
      ? Number(v)
      : cellText(v, kind);
const PAGE_SETUP = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;

/** The exporter before issue #18: a workbook model per request, written by ExcelJS at deflate level 1. */
async function excelJs(t: ReportTable<unknown>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Duban 督办';
  const ws = wb.addWorksheet(t.title, { pageSetup: PAGE_SETUP });
  ws.columns = t.columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  const header = ws.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  ws.pageSetup.printTitlesRow = '1:1';
  for (const row of t.rows as Record<string, unknown>[]) ws.addRow(t.columns.map((c) => cellValue(row[c.key], c.kind)));
  const options = { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } };
  return Buffer.from(await wb.xlsx.writeBuffer(options as ExcelJS.XlsxWriteOptions));
}

/** Candidate (a): ExcelJS's streaming writer, rows committed as they are added, into a buffer (it has no print titles). */
async function excelJsStream(t: ReportTable<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  } as never);
  wb.creator = 'Duban 督办';
  const ws = wb.addWorksheet(t.title, { pageSetup: PAGE_SETUP, views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = t.columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  const header = ws.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  for (const row of t.rows as Record<string, unknown>[])
    ws.addRow(t.columns.map((c) => cellValue(row[c.key], c.kind))).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** Candidate (b): the SpreadsheetML strings of xlsx-writer.ts, zipped by fflate at level 1. */
const lean = async (t: ReportTable<unknown>): Promise<Buffer> =>
  writeXlsx([{ name: t.title, table: t }], { creator: 'Duban 督办' });

function unitsRows(n: number): UnitReportResponse[] {
  return Array.from({ length: n }, (_, i) => ({
    rank: i + 1,
    unitId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    unitName: `武汉市第${i + 1}委办局`,
    assigned: 2500 + i * 7,
    asLead: 900 + i,
    asResponsible: 1200 + i,
    assisting: 400 + i,
    completed: 1100 + i * 3,
    onTime: 800 + i * 2,
    overdue: 300 + i,
    completionRate: (1100 + i * 3) / (2500 + i * 7),
    onTimeRate: i % 9 === 0 ? null : (800 + i * 2) / (1100 + i * 3),
    averageDelayDays: i % 5 === 0 ? null : 3.7 + i / 10,
    lastProgressAt: new Date(Date.UTC(2026, 10, 1 + (i % 28), 3, i)).toISOString(),
  })) as UnitReportResponse[];
}

async function cpuPerRender(
  render: (t: ReportTable<unknown>) => Promise<Buffer>,
  t: ReportTable<unknown>,
): Promise<number> {
  const c0 = process.cpuUsage();
  for (let i = 0; i < RENDERS; i++) await render(t);
  const used = process.cpuUsage(c0);
  return (used.user + used.system) / 1000 / RENDERS;
}

async function main(): Promise<void> {
  const table = unitsTable(unitsRows(ROWS)) as ReportTable<unknown>;
  const candidates: [string, (t: ReportTable<unknown>) => Promise<Buffer>][] = [
    ['ExcelJS workbook (old)', excelJs],
    ['(a) ExcelJS stream writer', excelJsStream],
    ['(b) lean SpreadsheetML + fflate', lean],
  ];
  for (const [name, render] of candidates) {
    for (let i = 0; i < 100; i++) await render(table); // warm: JIT
    console.log(`${name.padEnd(34)} ${(await render(table)).length} bytes`);
  }
  const totals = candidates.map(() => 0);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, [, render]] of candidates.entries()) totals[i] += await cpuPerRender(render, table);
  }
  console.log(
    `${ROWS} rows × ${table.columns.length} columns, ${ROUNDS} rounds × ${RENDERS} renders, CPU ms per render:`,
  );
  for (const [i, [name]] of candidates.entries()) {
    const ms = totals[i] / ROUNDS;
    console.log(`${name.padEnd(34)} ${ms.toFixed(3).padStart(7)} ms   new/old ${(totals[i] / totals[0]).toFixed(3)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
