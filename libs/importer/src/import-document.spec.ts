import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { buildDocx } from '../test/build-docx';
import { fixture, seed } from '../test/seeds';
import { ImportError } from './errors';
import { importDocument } from './import-document';
import { parsePlanText } from './parse';
import type { ParsedPlan, Task } from './types';

const fromText = (prefix: string): ParsedPlan => {
  const s = seed(prefix);
  return parsePlanText(s.text, { fileName: s.fileName });
};
const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

async function expectImportError(p: Promise<unknown>, code: ImportError['code']): Promise<ImportError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  expect((e as ImportError).code).toBe(code);
  return e as ImportError;
}

describe('importDocument: .docx', () => {
  it.each(['001', '003', '004'])('a docx of seed %s imports to the same tasks as its text', async (prefix) => {
    const text = fromText(prefix);
    const docx = await buildDocx(lines(seed(prefix).text));
    const viaDocx = await importDocument({ fileName: `plan-${prefix}.docx`, content: docx });
    expect(viaDocx.tasks).toEqual(text.tasks);
    expect(viaDocx.targets).toEqual(text.targets);
    expect(viaDocx.plan).toEqual(text.plan);
  });

  it('reads a task table inside a docx', async () => {
    const docx = await buildDocx([
      '2025年区数据局重点任务清单',
      { rows: [['序号', '重点任务', '牵头单位', '完成时限'], ['1', '建成数据共享平台。', '区数据局', '6月底前'], ['2', '完成公共数据目录编制。', '区数据局', '三季度']] },
    ]);
    const p = await importDocument({ fileName: 'list.docx', content: docx });
    expect(p.tasks.map((t) => [t.code, t.title, t.leadUnits, t.deadline])).toEqual([
      ['1', '建成数据共享平台', ['区数据局'], '2025-06-30'],
      ['2', '完成公共数据目录编制', ['区数据局'], '2025-09-30'],
    ]);
  });

  it('is sniffed by content even with a wrong extension', async () => {
    const docx = await buildDocx(lines(seed('003').text));
    const p = await importDocument({ fileName: 'plan.txt', content: docx });
    expect(p.tasks).toHaveLength(22);
  });
});

/** Writes seed 002's tables as a real spreadsheet: one row per step, 序号/责任事项 left blank below. */
async function seed002AsXlsx(p: ParsedPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const group of ['A', 'B']) {
    const ws = wb.addWorksheet(`表${group}`);
    ws.addRow([p.plan.title]);
    ws.addRow(['序号', '责任事项', '具体工作内容', '工作目标', '完成时限']);
    for (const t of p.tasks.filter((x: Task) => x.group === group)) {
      const [titleCell, ...rest] = t.content.split('\n');
      const no = t.code.replace(/^[A-Z]-/, '');
      if (t.steps.length === 0) {
        ws.addRow([no, titleCell, rest.join('\n'), t.goal ?? '', t.deadlineText ?? '']);
        continue;
      }
      t.steps.forEach((s, i) =>
        ws.addRow([i === 0 ? no : '', i === 0 ? titleCell : '', s.text, i === 0 ? t.goal ?? '' : '', s.deadlineText ?? '']),
      );
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importDocument: .xlsx', () => {
  it('an xlsx of seed 002 imports to the same tasks as its text', async () => {
    const text = fromText('002');
    const xlsx = await seed002AsXlsx(text);
    const p = await importDocument({ fileName: 'plan.xlsx', content: xlsx });
    expect(p.plan).toMatchObject({ title: text.plan.title, year: 2015, issuer: '市科技局' });
    expect(p.tasks).toEqual(text.tasks);
  });

  it('reads header rows below a title, columns in any order, merged 序号', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['2024年重点工作任务分解表']);
    ws.addRow([]);
    ws.addRow(['完成时限', '牵头单位', '序号', '主要任务', '责任单位']);
    ws.addRow(['2024年6月30日', '市科技局', 1, '编制科技创新规划', '市发改委、市财政局']);
    ws.addRow(['', '', 2, '建设中试平台', '']);
    ws.mergeCells('C5:C6');
    ws.addRow(['12月', '', '', '', '']);
    const p = await importDocument({ fileName: 'x.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(p.tasks.map((t) => [t.code, t.title, t.deadline, t.leadUnits, t.responsibleUnits])).toEqual([
      ['1', '编制科技创新规划', '2024-06-30', ['市科技局'], ['市发改委', '市财政局']],
      ['2', '建设中试平台', '2024-12-31', [], []],
    ]);
  });

  it('names the sheet cell when no header is found', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('数据').addRow(['甲', '乙']);
    const e = await expectImportError(importDocument({ fileName: 'x.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) }), 'no_items');
    expect(e.cell).toBe('数据!A1');
  });
});

describe('importDocument: text encodings', () => {
  it('a GBK-encoded seed imports identically', async () => {
    const s = seed('001');
    const p = await importDocument({ fileName: s.fileName, content: iconv.encode(s.text, 'gbk') });
    expect(p).toEqual(fromText('001'));
  });
  it('a GB18030 seed with CRLF line ends imports identically', async () => {
    const s = seed('002');
    const p = await importDocument({ fileName: s.fileName, content: iconv.encode(s.text.replace(/\n/g, '\r\n'), 'gb18030') });
    expect(p.tasks).toEqual(fromText('002').tasks);
  });
  it('a UTF-8 BOM is ignored', async () => {
    const s = seed('004');
    const p = await importDocument({ fileName: s.fileName, content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s.text)]) });
    expect(p).toEqual(fromText('004'));
  });
  it('rejects bytes that are no known encoding', async () => {
    // Lead bytes followed by bytes no GBK/GB18030/Big5 sequence allows.
    const junk = Buffer.from(Array.from({ length: 400 }, (_, i) => [0xc1, 0x7f, 0xff, 0x20][i % 4]));
    await expectImportError(importDocument({ fileName: 'x.txt', content: junk }), 'unknown_encoding');
  });
});

describe('importDocument: errors', () => {
  it.each([
    ['empty.txt', Buffer.alloc(0), 'empty'],
    ['a.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'unsupported_type'],
    ['a.bin', Buffer.from([1, 0, 2, 0, 3]), 'unsupported_type'],
    ['a.zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('other/file.txt')]), 'unsupported_type'],
    ['a.txt', Buffer.from('只有一句话，没有任何编号条目。'), 'no_items'],
    ['a.txt', Buffer.from(' \n\n  \n'), 'empty'],
  ] as const)('%s → %s', async (fileName, content, code) => {
    await expectImportError(importDocument({ fileName, content }), code);
  });
  it('rejects a broken docx as unreadable', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml garbage')]);
    await expectImportError(importDocument({ fileName: 'a.docx', content: broken }), 'unreadable');
  });
  it('rejects files over the size limit', async () => {
    await expectImportError(importDocument({ fileName: 'a.txt', content: Buffer.alloc(21 * 1024 * 1024, 0x41) }), 'too_large');
  });
  it('gives the line of a document without items', () => {
    let error: unknown;
    try {
      parsePlanText('\n\n通知\n\n这是一段很长的说明文字，但是没有任何编号条目，也没有任务表格，因此不能导入。\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).line).toBe(5);
  });
});

describe('importDocument: fixtures in other shapes', () => {
  it('a 任务分工 list with 牵头单位/责任单位/完成时限 lines', async () => {
    const p = await importDocument({ fileName: 'fengong.txt', content: fixture('fengong.txt') });
    expect(p.plan).toMatchObject({ title: '襄阳市优化营商环境重点任务分工方案', issuer: '襄阳市人民政府办公室', docNumber: '襄政办发〔2025〕3号', year: 2025 });
    expect(p.targets.map((t) => t.indicators[0].value)).toEqual([98, 1, 3]);
    expect(p.tasks.map((t) => [t.code, t.deadline, t.leadUnits])).toEqual([
      ['1', '2025-06-30', ['市政务服务和大数据管理局']],
      ['2', '2025-12-31', ['市政务服务和大数据管理局']],
      ['3', '2025-03-31', ['市市场监管局']],
      ['4', '2025-12-31', ['市市场监管局']],
    ]);
    expect(p.tasks[0].responsibleUnits).toEqual(['市发展改革委', '市公安局', '各县（市、区）人民政府']);
    expect(p.tasks[1].assistingUnits).toEqual(['市直各部门']);
    expect(p.tasks[3].responsibleUnits).toEqual(['市司法局', '市发展改革委']);
    expect(p.tasks[3].recurrence).toBe('quarterly');
    expect(p.warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('长期坚持') })]);
  });

  it('a CSV task list with continuation rows', async () => {
    const p = await importDocument({ fileName: 'tasks.csv', content: fixture('tasks.csv') });
    expect(p.plan.year).toBe(2024);
    const [t1, t2, t3] = p.tasks;
    expect(t1.steps.map((s) => s.deadline)).toEqual(['2024-05-31', '2024-09-30', '2024-12-31']);
    expect(t1.assistingUnits).toEqual(['区财政局', '区税务局']);
    expect(t2.deadline).toBe('2024-12-31');
    expect(t2.deadlineText).toBe('下半年');
    expect(t3.recurrence).toBe('quarterly');
    expect(p.warnings).toEqual([{ line: 7, message: expect.stringContaining('未填完成时限'), field: 'deadline', text: '推进成果转化' }]);
  });

  it('an HTML page with navigation, scripts and footer', async () => {
    const p = await importDocument({ fileName: 'page.html', content: fixture('page.html') });
    expect(p.plan).toMatchObject({ title: '宜昌市科技局2023年工作要点', issuer: '宜昌市科学技术局', publishedAt: '2023-02-20' });
    expect(p.targets).toHaveLength(3);
    expect(p.tasks.map((t) => t.title)).toEqual(['强化企业创新主体地位', '建设高能级创新平台', '深化科技体制改革']);
    expect(p.tasks[1].steps.map((s) => s.deadline)).toEqual(['2023-06-30', '2023-12-31']);
    expect(JSON.stringify(p)).not.toMatch(/不是正文|ICP|政务公开|打印|0717/);
  });
});
