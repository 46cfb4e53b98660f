import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { col, ReportTable } from './report-table';
import { ReportExporter } from './report-exporter';
import { columnName, writeXlsx } from './xlsx-writer';

interface Line {
  name: string;
  count: number | null;
  rate: number | null;
  avg: string | null;
  at: string | null;
  units: string[];
  ok: boolean;
}

/** The sheets take any row type; the exporter's callers cast the same way. */
const table = (rows: Line[], title = '单位办理情况排名'): ReportTable<unknown> =>
  ({
    title,
    columns: [
      col('name', '单位', 'text', 24),
      col('count', '承办事项', 'int', 10),
      col('rate', '办结率', 'rate', 12),
      col('avg', '平均延误天数', 'number', 14),
      col('at', '最近报送进展', 'datetime', 18),
      col('units', '牵头单位', 'list', 20),
      col('ok', '达序时', 'boolean', 8),
    ],
    rows,
  }) as ReportTable<Line> as ReportTable<unknown>;

const line = (over: Partial<Line> = {}): Line => ({
  name: '武汉市科学技术局',
  count: 12,
  rate: 0.3333,
  avg: '2.5',
  at: '2025-05-20T07:42:00Z',
  units: ['市科技局', '市发改委'],
  ok: true,
  ...over,
});

async function read(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

describe('writeXlsx (every report XLSX, read back with ExcelJS)', () => {
  it('writes numbers as numbers, text as text, nulls as empty cells, in the columns’ number formats', async () => {
    const body = writeXlsx(
      [
        {
          name: 'S',
          table: table([
            line(),
            line({ name: '市教育局', count: null, rate: null, avg: null, at: null, units: [], ok: false }),
          ]),
        },
      ],
      {
        creator: 'Duban 督办',
      },
    );
    const wb = await read(body);
    expect(wb.creator).toBe('Duban 督办');
    const ws = wb.getWorksheet('S')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '单位',
      '承办事项',
      '办结率',
      '平均延误天数',
      '最近报送进展',
      '牵头单位',
      '达序时',
    ]);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '武汉市科学技术局',
      12,
      0.3333,
      2.5,
      '2025-05-20 15:42',
      '市科技局、市发改委',
      '是',
    ]);
    const empty = ws.getRow(3);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => empty.getCell(c).value)).toEqual([
      '市教育局',
      null,
      null,
      null,
      null,
      null,
      '否',
    ]);
    expect(ws.rowCount).toBe(3);
    expect([2, 3, 4].map((c) => ws.getRow(2).getCell(c).numFmt)).toEqual(['0', '0.0%', '0.0']);
    // An empty numeric cell keeps the format, so a number typed in later shows like its column.
    expect(empty.getCell(3).numFmt).toBe('0.0%');
    expect(ws.getColumn(2).numFmt).toBe('0');
    expect(ws.columns.map((c) => c.width)).toEqual([24, 10, 12, 14, 18, 20, 8]);
  });

  it('styles the header row, freezes it, and prints it on every A4 landscape page, one page wide', async () => {
    const ws = (await read(writeXlsx([{ name: 'S', table: table([line()]) }], { creator: 'x' }))).getWorksheet('S')!;
    for (const c of [1, 2, 3, 7]) {
      const cell = ws.getRow(1).getCell(c);
      expect(cell.font).toMatchObject({ bold: true });
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
      expect(cell.border).toMatchObject({ bottom: { style: 'thin' } });
      expect(cell.alignment).toMatchObject({ vertical: 'middle', wrapText: true });
    }
    expect(ws.getRow(1).getCell(2).numFmt).toBe('0');
    expect(ws.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(ws.getRow(2).getCell(1).fill).toBeUndefined();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
      printTitlesRow: '1:1',
    });
  });

  it('puts heading lines above the header: a bold title, then bold lines; the header row moves down', async () => {
    const body = writeXlsx([{ name: '通报', heading: ['督办通报:科技', '截至 2025-05-20'], table: table([line()]) }], {
      creator: 'x',
    });
    const ws = (await read(body)).getWorksheet('通报')!;
    expect(ws.getRow(1).getCell(1).value).toBe('督办通报:科技');
    expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getRow(2).getCell(1).font).toMatchObject({ bold: true, size: 11 });
    expect(ws.getRow(3).getCell(1).value).toBe('单位');
    expect(ws.getRow(4).getCell(2).value).toBe(12);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
  });

  it('keeps formula-looking text, markup and control characters as plain text without corrupting the file', async () => {
    const texts = [
      '=HYPERLINK("http://x","点我")',
      "+cmd|' /C calc'!A0",
      '<b>粗体</b> & "引号"',
      "O'Brien",
      '  前后空格  ',
      '第一行\n第二行',
    ];
    const rows = texts.map((name) => line({ name }));
    rows.push(line({ name: '换页\f垂直\v响铃\x07空\x00删除\x7f结束\uffff' }));
    const ws = (await read(writeXlsx([{ name: 'S', table: table(rows) }], { creator: 'x' }))).getWorksheet('S')!;
    const names = rows.map((_, i) => ws.getRow(i + 2).getCell(1));
    expect(names.map((c) => c.value)).toEqual([...texts, '换页垂直响铃空删除结束']);
    expect(names.map((c) => c.type)).toEqual(rows.map(() => ExcelJS.ValueType.String));
    const sheetXml = strFromU8(
      unzipSync(new Uint8Array(writeXlsx([{ name: 'S', table: table(rows) }], { creator: 'x' })))[
        'xl/worksheets/sheet1.xml'
      ],
    );
    expect(sheetXml).not.toContain('<f>');
  });

  it('writes several sheets, in order, each with its own header row and print titles', async () => {
    const wb = await read(
      writeXlsx(
        [
          {
            name: "营商环境'行动",
            heading: ['督办通报:营商环境'],
            table: table([line(), line()]),
          },
          { name: '科技创新', table: table([line({ name: '市科技局' })]) },
          { name: '督办通报', heading: ['本周无可通报事项'] },
        ],
        { creator: 'x' },
      ),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(["营商环境'行动", '科技创新', '督办通报']);
    const [a, b, c] = wb.worksheets;
    expect([a, b].map((w) => (w.views[0] as { ySplit?: number }).ySplit)).toEqual([2, 1]);
    expect([a.pageSetup.printTitlesRow, b.pageSetup.printTitlesRow, c.pageSetup.printTitlesRow]).toEqual([
      '2:2',
      '1:1',
      undefined,
    ]);
    expect(a.rowCount).toBe(4);
    expect(b.getRow(2).getCell(1).value).toBe('市科技局');
    expect(c.getRow(1).getCell(1).value).toBe('本周无可通报事项');
    expect(c.rowCount).toBe(1);
  });

  it('stores a short sheet as it is and deflates a long one; both read back whole', async () => {
    const short = Array.from({ length: 40 }, (_, i) => line({ name: `单位${i}`, count: i }));
    const long = Array.from({ length: 2000 }, (_, i) => line({ name: `单位${i}`, count: i }));
    const [a, b] = [short, long].map((rows) => writeXlsx([{ name: 'S', table: table(rows) }], { creator: 'x' }));
    // A stored part's XML is in the file verbatim; a deflated one's is not.
    expect([a.includes('<sheetData>'), b.includes('<sheetData>')]).toEqual([true, false]);
    expect(b.length).toBeLessThan(strFromU8(unzipSync(new Uint8Array(b))['xl/worksheets/sheet1.xml']).length / 4);
    for (const [body, rows] of [
      [a, short],
      [b, long],
    ] as const) {
      const ws = (await read(body)).getWorksheet('S')!;
      expect(ws.rowCount).toBe(rows.length + 1);
      expect([ws.getRow(rows.length + 1).getCell(1).value, ws.getRow(rows.length + 1).getCell(2).value]).toEqual([
        `单位${rows.length - 1}`,
        rows.length - 1,
      ]);
    }
  });

  it('names columns past Z as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});

describe('ReportExporter.workbook', () => {
  it('gives every sheet an Excel-safe, unique name and the file its name', async () => {
    const file = new ReportExporter().workbook(
      [
        { title: '2025/2026:要点', table: table([line()]) },
        { title: '2025:2026/要点', table: table([line()]) },
      ],
      '督办通报-2025-05-20.xlsx',
    );
    expect(file).toMatchObject({
      fileName: '督办通报-2025-05-20.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect((await read(file.body)).worksheets.map((w) => w.name)).toEqual(['2025 2026 要点', '2025 2026 要点(2)']);
  });

  it('xlsx: one sheet per table, the file named after the first', async () => {
    const file = new ReportExporter().xlsx([table([line()], '单位办理情况排名')]);
    expect(file.fileName).toBe('单位办理情况排名.xlsx');
    const ws = (await read(file.body)).worksheets[0];
    expect(ws.name).toBe('单位办理情况排名');
    expect(ws.getRow(2).getCell(1).value).toBe('武汉市科学技术局');
  });
});
