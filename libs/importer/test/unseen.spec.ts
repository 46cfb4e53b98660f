import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError } from '../src/errors';
import { importDocument } from '../src/import-document';
import { parseCsv } from '../src/readers/table.reader';
import type { ParsedPlan, Task } from '../src/types';
import { buildDocx } from './build-docx';
import { expectPlanContract } from './contract';
import { FIXTURES_DIR } from './seeds';

/**
 * Golden tests over documents in shapes the seeds do not have (test/fixtures/unseen): what a
 * 督办 supervisor expects to see after importing each one.
 */
const DIR = join(FIXTURES_DIR, 'unseen');
const raw = (name: string) => readFileSync(join(DIR, name));
const load = (name: string): Promise<ParsedPlan> => importDocument({ fileName: name, content: raw(name) });

// Page furniture and notice boilerplate that must never reach a task.
const CHROME = /首页|政务公开|打印|关闭窗口|分享到|扫一扫|主办单位|承办单位|网站标识码|ICP备|公网安备|相关文件|浏览次数|字体|您现在的位置|联系人|电话/;
const ROLE_WORDS = /按职责分工|负责|牵头|配合|等$|[（()）]$/;

function expectContract(p: ParsedPlan): void {
  expectPlanContract(p, (t) => {
    expect(Array.isArray(t.steps)).toBe(true);
    expect(Array.isArray(t.indicators)).toBe(true);
    expect(t.title.length).toBeGreaterThan(0);
    expect(t.leadUnits.length).toBeGreaterThan(0);
    // An item is not done before its last step is.
    for (const s of t.steps) expect(s.deadline <= t.deadline).toBe(true);
    for (const u of [...t.leadUnits, ...t.responsibleUnits, ...t.assistingUnits]) expect(u).not.toMatch(ROLE_WORDS);
    expect(`${t.title}\n${t.content}\n${t.steps.map((s) => s.text).join('\n')}`).not.toMatch(CHROME);
  });
}

/** A fixture read and held to the contract: the cases of each block then check what a supervisor expects. */
const loadChecked = async (name: string): Promise<ParsedPlan> => {
  const p = await load(name);
  expectContract(p);
  return p;
};

/**
 * Cases over one fixture, read once for the enclosing describe block (and held to the contract): each
 * case gets the plan as its argument.
 */
const readOnce = (name: string) => {
  let plan: ParsedPlan;
  beforeAll(async () => (plan = await loadChecked(name)));
  return (title: string, check: (p: ParsedPlan) => void) => it(title, () => check(plan));
};

/** A CSV fixture's rows written into an XLSX sheet and imported from that: the same table in the other format. */
const importAsXlsx = async (csvName: string, sheetName: string, fileName: string): Promise<ParsedPlan> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const row of parseCsv(raw(csvName).toString('utf8'))) ws.addRow(row);
  return importDocument({ fileName, content: Buffer.from(await wb.xlsx.writeBuffer()) });
};

const byCode = (p: ParsedPlan, code: string): Task => {
  const t = p.tasks.find((x) => x.code === code);
  if (!t) throw new Error(`no task ${code}: ${p.tasks.map((x) => x.code).join(',')}`);
  return t;
};
const units = (t: Task) => [t.leadUnits, t.responsibleUnits, t.assistingUnits];

describe('unseen (a): 省政府 重点工作任务分工 with "（X牵头，Y按职责分工负责）" tails', () => {
  const itReads = readOnce('a-sheng-fengong.txt');
  itReads('reads the notice header: inner title, issuer before 关于, number, signature date', (p) => {
    expect(p.plan).toEqual({
      title: '2025年省政府工作报告重点工作任务分工方案', issuer: '湖南省人民政府办公厅', year: 2025, publishedAt: '2025-02-20',
      docNumber: '湘政办函〔2025〕12号', periodStart: '2025-01-01', periodEnd: '2025-12-31',
    });
  });
  itReads('gives the ten (一)…(十) items, not the 工作要求', (p) => {
    expect(p.tasks.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(p.tasks.map((t) => t.title)).toContain('加强高技能人才队伍建设');
    expect(byCode(p, '1').title).toBe('大力提振消费');
    expect(byCode(p, '1').section).toBe('一、着力扩大有效需求，巩固经济回升向好态势');
  });
  itReads('splits lead and 按职责分工负责 units, dropping 等 and the role words', (p) => {
    expect(units(byCode(p, '1'))).toEqual([['省商务厅'], ['省发展改革委', '省财政厅', '省市场监管局'], []]);
    expect(units(byCode(p, '2'))).toEqual([['省发展改革委'], ['省财政厅'], []]);
    expect(byCode(p, '3').responsibleUnits).toEqual(['省自然资源厅', '省财政厅', '人民银行湖南省分行', '各市州人民政府']);
    expect(byCode(p, '5').responsibleUnits).toEqual(['省直有关单位']);
  });
  itReads('with no 牵头 named, the first responsible unit leads; "（各市州人民政府负责）" alone', (p) => {
    expect(units(byCode(p, '6'))).toEqual([['省人力资源社会保障厅'], ['省人力资源社会保障厅', '省教育厅'], []]);
    expect(units(byCode(p, '8'))).toEqual([['各市州人民政府'], ['各市州人民政府'], []]);
  });
  itReads('dates items by marked dates in the text, else the year end', (p) => {
    expect(byCode(p, '10').deadline).toBe('2025-09-30');
    expect(byCode(p, '1').deadline).toBe('2025-12-31');
    expect(byCode(p, '1').indicators).toContainEqual(expect.objectContaining({ value: 6, unit: '%' }));
  });
});

describe('unseen (b): CSV 序号|工作任务|责任单位|配合单位|完成时间', () => {
  const check = (p: ParsedPlan) => {
    expectContract(p);
    expect(p.plan).toMatchObject({ title: '2025年市优化营商环境重点工作任务清单', year: 2025, issuer: '' });
    expect(p.tasks).toHaveLength(6);
    expect(p.tasks.map((t) => t.deadline)).toEqual(['2025-06-30', '2025-12-31', '2025-12-31', '2025-12-31', '2025-09-30', '2025-12-31']);
    expect(p.tasks.map((t) => t.recurrence)).toEqual([null, null, null, 'quarterly', null, null]);
    expect(units(p.tasks[0])).toEqual([['市发展改革委'], ['市发展改革委'], ['市司法局', '市市场监管局']]);
    expect(p.tasks[1].assistingUnits).toEqual(['市公安局', '市人社局', '各区（县）人民政府']);
    expect(p.tasks[2].assistingUnits).toEqual(['市财政局']);
    expect(p.tasks[3].assistingUnits).toEqual(['市发展改革委', '市工业和信息化局']);
    expect(units(p.tasks[5])).toEqual([['市税务局'], ['市税务局', '市财政局'], ['各区人民政府']]);
    expect(p.warnings).toEqual([{ line: 6, message: expect.stringContaining('持续推进'), field: 'deadline', text: '持续推进' }]);
  };
  it('as CSV', async () => check(await load('b-renwu-table.csv')));
  it('as XLSX built from the same rows', async () => check(await importAsXlsx('b-renwu-table.csv', '任务清单', 'b.xlsx')));
});

describe('unseen (c): 一、(一)1.(1) four levels — 1. items are tasks, (1) their steps', () => {
  const check = (p: ParsedPlan) => {
    expectContract(p);
    expect(p.plan).toMatchObject({ title: '岳阳市数字政府建设2025年工作实施方案', issuer: '岳阳市人民政府', year: 2025 });
    expect(p.tasks.map((t) => t.code)).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1']);
    expect(p.tasks.map((t) => t.title)).toEqual(['建设全市统一的政务云平台', '完善电子政务外网', '建设公共数据资源目录', '推动公共数据授权运营', '深化“一网通办”']);
    const t1 = byCode(p, '1.1');
    expect(t1.steps.map((s) => [s.code, s.deadline])).toEqual([['(1)', '2025-06-30'], ['(2)', '2025-09-30'], ['(3)', '2025-12-31']]);
    // The 责任单位 line after the last step belongs to the item, not to step (3).
    expect(t1.steps[2].text).not.toContain('责任单位');
    expect(units(t1)).toEqual([['市数据局'], ['市数据局', '市财政局'], []]);
    expect(byCode(p, '1.2').steps.map((s) => s.deadline)).toEqual(['2025-06-30', '2025-12-31']);
    expect(byCode(p, '1.2').responsibleUnits).toEqual(['市数据局', '各县（市、区）人民政府']);
    expect(byCode(p, '2.1').recurrence).toBe('quarterly');
    expect(byCode(p, '2.1').steps.map((s) => s.deadline)).toEqual(['2025-03-31', '2025-12-31']);
    expect(byCode(p, '3.1').deadline).toBe('2025-11-20');
    expect(byCode(p, '3.1').section).toBe('(三)提升政务服务水平');
    expect(JSON.stringify(p.tasks)).not.toContain('加强组织领导');
  };
  it('as text', async () => check(await load('c-four-levels.txt')));
  it('as a .docx built from the same lines', async () => {
    const lines = raw('c-four-levels.txt').toString('utf8').split('\n').filter((l) => l.trim());
    check(await importDocument({ fileName: 'c.docx', content: await buildDocx(lines) }));
  });
});

describe('unseen (d): 市委办公室 督办通知 with 任务一：… blocks', () => {
  const itReads = readOnce('d-duban-tongzhi.txt');
  itReads('takes the red head as issuer and the 关于…的通知 line as title', (p) => {
    expect(p.plan).toMatchObject({
      title: '关于抓好2025年第一季度市委重点督办事项落实的通知', issuer: '中共株洲市委办公室', docNumber: '株办督〔2025〕7号',
      publishedAt: '2025-03-10', year: 2025,
    });
  });
  itReads('gives four tasks, none from the 办理要求', (p) => {
    expect(p.tasks.map((t) => [t.code, t.title])).toEqual([
      ['1', '加快推进株洲高新区扩区调规工作'], ['2', '推动轨道交通装备产业集群升级'],
      ['3', '做好要素市场化配置改革试点工作'], ['4', '整治城区道路积水点'],
    ]);
  });
  itReads('reads 牵头/配合/完成时限 lines; 责任领导 is a person, never a unit', (p) => {
    expect(units(p.tasks[0])).toEqual([['市发展改革委'], [], ['市自然资源和规划局', '市生态环境局', '株洲高新区管委会']]);
    expect(p.tasks[2].leadUnits).toEqual(['市发展改革委', '市财政局']);
    expect(p.tasks[3].assistingUnits).toEqual(['荷塘区人民政府', '芦淞区人民政府', '石峰区人民政府', '天元区人民政府']);
    expect(JSON.stringify(p.tasks.map(units))).not.toMatch(/市长|刘某某/);
    expect(p.tasks.map((t) => t.deadline)).toEqual(['2025-06-30', '2025-09-30', '2025-12-31', '2025-05-31']);
    expect(p.tasks[1].recurrence).toBe('monthly');
  });
});

describe('unseen (e): 1． / 1、 / （1） items and inline ①② / （1）（2） steps', () => {
  const itReads = readOnce('e-numbering-mix.txt');
  itReads('reads five tasks in two sections', (p) => {
    expect(p.tasks.map((t) => [t.code, t.title])).toEqual([
      ['1.1', '开展市容环境综合整治'], ['1.2', '推进生活垃圾分类'], ['1.3', '完善城市照明设施'],
      ['2.1', '违法建设治理专项行动'], ['2.2', '渣土运输整治专项行动'],
    ]);
  });
  itReads('splits inline ①②③ into dated steps, without the unit tail', (p) => {
    const t = p.tasks[0];
    expect(t.steps.map((s) => [s.code, s.deadline])).toEqual([['①', '2025-04-30'], ['②', '2025-06-30'], ['③', '2025-12-31']]);
    expect(t.steps[2].text).toBe('每月开展一次“城市清洁日”活动');
    expect(t.recurrence).toBe('monthly');
    expect(t.deadline).toBe('2025-12-31');
    expect(units(t)).toEqual([['区城管局'], ['区城管局', '区市场监管局'], []]);
  });
  itReads('splits inline （1）（2） and dates "上半年建成…"', (p) => {
    expect(p.tasks[1].steps.map((s) => [s.code, s.deadline])).toEqual([['(1)', '2025-06-30'], ['(2)', '2025-12-31']]);
    expect(p.tasks[1].responsibleUnits).toEqual(['区城管局', '各街道办事处']);
    expect(p.tasks[2].deadline).toBe('2025-08-31');
    expect(p.tasks[3].deadline).toBe('2025-10-31');
    expect(p.tasks[4].recurrence).toBe('quarterly');
  });
});

describe('unseen (f): notice with the tasks in a 附件 table', () => {
  const itReads = readOnce('f-fujian-qingdan.html');
  itReads('reads the annex table, not the notice text, and keeps it from the footer cut', (p) => {
    expect(p.plan).toMatchObject({ title: '2025年全市招商引资重点任务清单', issuer: '常德市人民政府办公室', publishedAt: '2025-03-05', year: 2025 });
    expect(p.tasks).toHaveLength(6);
    expect(p.tasks[0].title).toBe('制定年度招商引资工作方案，明确目标任务');
    expect(p.tasks.map((t) => t.deadline)).toEqual(['2025-03-31', '2025-11-30', '2025-12-31', '2025-06-30', '2025-12-31', '2025-12-31']);
    expect(p.tasks[4].recurrence).toBe('quarterly');
  });
  itReads('puts 牵头单位 and 责任单位 cells in their columns; "—" is an empty cell', (p) => {
    expect(units(p.tasks[1])).toEqual([['市招商局'], ['市工业和信息化局', '市商务局'], []]);
    expect(units(p.tasks[3])).toEqual([['市发展改革委'], [], []]);
    expect(p.tasks[3].content).not.toContain('—');
    expect(JSON.stringify(p)).not.toMatch(/统计代码|ICP|打印/);
  });
});

describe('unseen (g): "责任单位：…" and "时间安排：…" lines under each item', () => {
  const itReads = readOnce('g-separate-lines.txt');
  itReads('reads units and dates from the lines', (p) => {
    expect(p.tasks).toHaveLength(4);
    expect(p.tasks[0].responsibleUnits).toEqual(['市人社局', '市财政局', '各镇人民政府']);
    expect(p.tasks.map((t) => t.deadline)).toEqual(['2025-09-30', '2025-12-31', '2025-06-30', '2025-11-30']);
    expect(p.tasks[1].deadlineText).toBe('12月底前');
  });
  itReads('(牵头) marks, 牵头领导 lines and 进度安排 recurrence', (p) => {
    expect(p.tasks[2].leadUnits).toEqual(['市卫健委']);
    expect(JSON.stringify(units(p.tasks[2]))).not.toContain('周某某');
    expect(units(p.tasks[3])).toEqual([['市水利局'], ['市农业农村局', '各镇人民政府'], []]);
    expect(p.tasks[3].recurrence).toBe('monthly');
    expect(p.targets.map((t) => t.indicators[0].value)).toEqual([10, 90]);
  });
});

describe('unseen (h): county 三年行动计划 2024—2026年 with yearly targets', () => {
  const itReads = readOnce('h-county-xingdong.txt');
  itReads('spans the three years', (p) => {
    expect(p.plan).toMatchObject({ issuer: '攸县人民政府', year: 2024, periodStart: '2024-01-01', periodEnd: '2026-12-31', publishedAt: '2024-04-02' });
  });
  itReads('dates each target by its 到YYYY年', (p) => {
    expect(p.targets.map((t) => [t.indicators[0].value, t.indicators[0].deadline])).toEqual([
      [62, '2025-12-31'], [420, '2025-12-31'], [65, '2026-12-31'], [460, '2026-12-31'], [8, '2026-12-31'],
    ]);
  });
  itReads('items run to their latest date: marked dates, in-period targets, else the plan end', (p) => {
    expect(p.tasks).toHaveLength(5);
    expect(p.tasks.map((t) => t.deadline)).toEqual(['2026-12-31', '2025-12-31', '2025-06-30', '2026-12-31', '2026-12-31']);
    expect(p.tasks[0].recurrence).toBe('yearly');
    expect(units(p.tasks[3])).toEqual([['县发改局'], ['县直各相关单位'], []]);
    expect(p.tasks[2].responsibleUnits).toEqual(['县财政局', '县金融服务中心', '人民银行攸县支行']);
  });
});

describe('unseen (i): a page with different chrome', () => {
  const itReads = readOnce('i-chrome-page.html');
  itReads('drops breadcrumbs, share/print/QR lines and the footer; source names the issuer', (p) => {
    expect(p.plan).toMatchObject({ title: '长沙市2025年市场监管工作要点', issuer: '长沙市市场监督管理局', publishedAt: '2025-02-28' });
    expect(p.tasks).toHaveLength(4);
    expect(JSON.stringify(p)).not.toMatch(/首页|打印本页|扫一扫|京ICP|网站标识码|工作总结|分享到/);
    expect(units(p.tasks[3])).toEqual([['特种设备安全监察处'], ['特种设备安全监察处'], []]);
    expect(p.tasks[2].responsibleUnits).toEqual(['食品安全抽检监测处', '各区县市市场监管局']);
    expect(p.tasks[2].recurrence).toBe('monthly');
  });
});

describe('unseen (j): deadline expressions', () => {
  const itReads = readOnce('j-deadline-zoo.txt');
  itReads('maps each to the last day of its period in the plan year', (p) => {
    expect(p.tasks.map((t) => [t.deadlineText, t.deadline])).toEqual([
      ['2025年第三季度', '2025-09-30'], ['年内', '2025-12-31'], ['下半年', '2025-12-31'], ['11月中旬', '2025-11-20'],
      ['次年一季度', '2026-03-31'], ['2025年12月31日前', '2025-12-31'], ['长期', '2025-12-31'], [null, '2025-12-31'],
    ]);
  });
  itReads('warns on 长期 and on an expression it cannot date', (p) => {
    expect(p.warnings.map((w) => w.message)).toEqual([expect.stringContaining('「长期」'), expect.stringContaining('「春节前」')]);
    expect(p.tasks[1].assistingUnits).toEqual(['市直有关部门']);
  });
});

describe('unseen (k): 第一章/第一节 chapters with 一、 items', () => {
  const itReads = readOnce('k-chapter-section.txt');
  itReads('reads targets inside 总体要求 and tasks per 节, codes per section', (p) => {
    expect(p.plan).toMatchObject({ year: 2023, periodEnd: '2025-12-31' });
    expect(p.targets.map((t) => t.indicators[0].value)).toEqual([600, 2.2]);
    expect(p.tasks.map((t) => t.code)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3']);
    expect(p.tasks[2].section).toBe('第二节建设高能级创新平台');
    expect(p.tasks.map((t) => t.deadline)).toEqual(['2025-12-31', '2024-12-31', '2025-06-30', '2025-12-31', '2023-12-31']);
    expect(p.tasks[4].responsibleUnits).toEqual(['冷水江市人民政府', '涟源市人民政府']);
    expect(JSON.stringify(p.tasks)).not.toMatch(/第二节"|加大投入力度|领导小组/);
  });
});

describe('unseen (l): 督办台账 with 督办事项/责任领导/办理时限/进展情况 columns', () => {
  const check = (p: ParsedPlan) => {
    expectContract(p);
    expect(p.plan).toMatchObject({ title: '2025年市政府重点工作督办台账（截至3月底）', year: 2025 });
    expect(p.tasks.map((t) => t.title)).toEqual([
      '推进城北片区棚户区改造项目征收工作', '完成柳叶湖旅游度假区创5A景区资源评估', '开展重点项目建设调度', '落实农业保险保费补贴',
    ]);
    expect(units(p.tasks[0])).toEqual([['市住建局'], ['鼎城区人民政府', '武陵区人民政府'], []]);
    expect(p.tasks.map((t) => t.deadline)).toEqual(['2025-06-30', '2025-10-15', '2025-12-31', '2025-12-31']);
    expect(p.tasks[2].recurrence).toBe('monthly');
    // Progress and the person in charge are not task content; the person is the item's leader.
    expect(JSON.stringify(p.tasks.map(({ leaders: _leaders, ...t }) => t))).not.toMatch(/入户调查|张某某|调度会/);
    expect(p.tasks.map((t) => t.leaders)).toEqual([['张某某'], ['李某某'], ['王某某'], ['赵某某']]);
  };
  it('as CSV', async () => check(await load('l-duban-taizhang.csv')));
  it('as XLSX', async () => check(await importAsXlsx('l-duban-taizhang.csv', '台账', 'l.xlsx')));
});

describe('unseen: mangled copies still give the contract or an ImportError', () => {
  it.each(['a-sheng-fengong.txt', 'c-four-levels.txt', 'd-duban-tongzhi.txt', 'g-separate-lines.txt', 'j-deadline-zoo.txt'])(
    '%s with every other line dropped',
    async (name) => {
      const text = raw(name).toString('utf8').split('\n').filter((_, i) => i % 2 === 0).join('\n');
      try {
        expectContract(await importDocument({ fileName: name, content: Buffer.from(text) }));
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
      }
    },
  );
});
