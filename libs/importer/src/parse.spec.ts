import { seed } from '../test/seeds';
import { parsePlanText } from './parse';
import type { ParsedPlan, Task } from './types';

const parse = (prefix: string): ParsedPlan => {
  const s = seed(prefix);
  return parsePlanText(s.text, { fileName: s.fileName });
};
const task = (p: ParsedPlan, code: string): Task => {
  const t = p.tasks.find((x) => x.code === code);
  if (!t) throw new Error(`no task ${code}`);
  return t;
};

describe('seed 000: 工作要点 with 主要目标 list and headings that lost their number', () => {
  const p = parse('000');
  it('reads the plan header from the page chrome', () => {
    expect(p.plan).toEqual({
      title: '市科技局2019年工作要点', issuer: '武汉市科学技术局', year: 2019, publishedAt: '2019-09-02',
      docNumber: null, periodStart: '2019-01-01', periodEnd: '2019-12-31',
    });
  });
  it('gives 8 targets and 8 tasks', () => {
    expect(p.targets).toHaveLength(8);
    expect(p.tasks).toHaveLength(8);
    expect(p.tasks.map((t) => t.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });
  it('reads target indicators', () => {
    expect(p.targets[1].indicators).toEqual([{ name: '新增高新技术企业', value: 800, unit: '家', comparator: '>=', deadline: null }]);
    expect(p.targets[5].indicators[0]).toMatchObject({ value: 750, unit: '亿元' });
  });
  it('lets the issuer lead every task, due at year end', () => {
    for (const t of p.tasks) {
      expect(t.leadUnits).toEqual(['武汉市科学技术局']);
      expect(t.deadline).toBe('2019-12-31');
      expect(t.section).toBe('重点工作');
    }
    expect(task(p, '2').title).toBe('全力推进高新技术企业培育和发展');
    expect(task(p, '2').content).toContain('全市高新技术产业产值增长16%以上');
    expect(task(p, '2').indicators).toContainEqual(expect.objectContaining({ value: 6000, deadline: '2021-12-31' }));
  });
  it('drops the page chrome', () => {
    expect(JSON.stringify(p)).not.toContain('今天是');
  });
});

describe('seed 001: three-year plan with unit tails', () => {
  const p = parse('001');
  it('covers 2022–2024', () => {
    expect(p.plan).toMatchObject({ year: 2022, periodStart: '2022-01-01', periodEnd: '2024-12-31', publishedAt: '2023-11-17' });
  });
  it('gives 18 tasks, each with lead and responsible units, all due 2024-12-31', () => {
    expect(p.tasks).toHaveLength(18);
    for (const t of p.tasks) {
      expect(t.leadUnits.length).toBeGreaterThan(0);
      expect(t.responsibleUnits.length).toBeGreaterThan(0);
      expect(t.deadline).toBe('2024-12-31');
    }
    expect(new Set(p.tasks.map((t) => t.code)).size).toBe(18);
  });
  it('numbers items within their (一)…(六) section, including the broken "()" heading', () => {
    expect(p.tasks.map((t) => t.code).slice(0, 4)).toEqual(['1.1', '1.2', '1.3', '2.1']);
    expect(task(p, '5.1').section).toBe('(五)引育一批高层次创新人才,荟萃创新第一资源');
    expect(task(p, '5.1').leadUnits).toEqual(['市招才局']);
  });
  it('expands shared suffixes and keeps notes out of names', () => {
    const t = task(p, '1.2');
    expect(t.title).toBe('建设高水平实验室体系');
    expect(t.leadUnits).toEqual(['市科技局']);
    expect(t.responsibleUnits).toEqual([
      '市发改委', '市教育局', '市财政局', '市自然资源和规划局', '东湖高新区管委会', '武汉经开区管委会',
      '江岸区人民政府', '硚口区人民政府', '武昌区人民政府', '洪山区人民政府', '江夏区人民政府',
    ]);
    expect(task(p, '1.3').responsibleUnits).toEqual(['市发改委', '市经信局', '市卫健委', '各区人民政府']);
    expect(task(p, '6.2').leadUnits).toEqual(['市地方金融局', '东湖高新区管委会', '人行武汉分行营管部']);
  });
  it('marks yearly targets as recurring', () => {
    expect(task(p, '1.3').recurrence).toBe('yearly');
    expect(task(p, '4.1').indicators).toContainEqual(expect.objectContaining({ value: 1300, unit: '亿元', deadline: '2024-12-31' }));
  });
  it('does not turn 保障措施 into tasks', () => {
    expect(p.tasks.some((t) => t.title.includes('精心组织'))).toBe(false);
  });
});

describe('seed 002: table flattened one cell per line, two tables', () => {
  const p = parse('002');
  it('gives 30 tasks in two groups (19 + 11)', () => {
    expect(p.tasks).toHaveLength(30);
    expect(p.tasks.filter((t) => t.group === 'A')).toHaveLength(19);
    expect(p.tasks.filter((t) => t.group === 'B')).toHaveLength(11);
    expect(p.plan).toMatchObject({ year: 2015, publishedAt: '2015-04-02', issuer: '市科技局' });
  });
  it('gives item 2 step deadlines as the table does', () => {
    const t = task(p, 'A-2');
    expect(t.steps.map((s) => s.deadline)).toEqual(['2015-05-31', '2015-05-31', '2015-12-31']);
    expect(t.deadline).toBe('2015-12-31');
    expect(t.goal).toBe('推动武汉地区武汉大学等四所高校全面完成“三权”改革试点工作。');
  });
  it('assigns two deadline cells in a row to consecutive steps (item 3)', () => {
    expect(task(p, 'A-3').steps.map((s) => [s.code, s.deadline])).toEqual([
      ['(1)', '2015-08-31'],
      ['(2)', '2015-12-31'],
    ]);
  });
  it('lets a merged deadline cell cover later steps (item 1)', () => {
    expect(task(p, 'A-1').steps.map((s) => s.deadline)).toEqual(['2015-12-31', '2015-12-31']);
  });
  it('keeps content and goal apart when there are no steps', () => {
    const t = task(p, 'A-4');
    expect(t.steps).toEqual([]);
    expect(t.content).toContain('按照《武汉市自主创新能力提升计划');
    expect(t.goal).toContain('围绕提升全市自主创新能力');
  });
  it('makes the issuer an assisting unit in the 协助/配合 table', () => {
    expect(task(p, 'A-1').leadUnits).toEqual(['市科技局']);
    expect(task(p, 'B-10').leadUnits).toEqual(['市商务局']);
    expect(task(p, 'B-10').assistingUnits).toEqual(['市科技局']);
    expect(task(p, 'B-1').leadUnits).toEqual(['市发改委']);
  });
  it('reads the 1-2家 range in a goal', () => {
    expect(task(p, 'B-9').indicators).toContainEqual(expect.objectContaining({ value: 1, unit: '家', comparator: '>=' }));
  });
  it('drops the footer', () => {
    expect(JSON.stringify(p)).not.toMatch(/ICP|政务微博/);
  });
});

describe('seed 003: 工作要点 with 一、 sections and 1.–22. items', () => {
  const p = parse('003');
  it('gives 22 tasks led by the 发布机构', () => {
    expect(p.tasks).toHaveLength(22);
    expect(p.tasks.map((t) => t.code)).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
    expect(p.plan).toMatchObject({ title: '2017年全省科技工作要点', issuer: '湖北省科技厅', year: 2017, publishedAt: '2017-03-01' });
    expect(task(p, '15').title).toBe('加强科技交流与合作');
    expect(task(p, '1').section).toBe('一、深化科技体制改革,全面推进创新体系建设');
    expect(p.tasks.every((t) => t.leadUnits[0] === '湖北省科技厅' && t.deadline === '2017-12-31')).toBe(true);
  });
});

describe('seed 004: 指导思想 / 主要目标 paragraph / 主要措施 with (一) subsections', () => {
  const p = parse('004');
  it('gives 18 tasks and the 主要目标 indicators', () => {
    expect(p.tasks).toHaveLength(18);
    expect(p.targets.flatMap((t) => t.indicators.map((i) => i.value))).toEqual([110, 16, 14, 10, 1.0]);
    expect(p.plan).toMatchObject({ title: '2021年潜江市科技工作要点', issuer: '潜江市科技局', docNumber: '潜科文〔2021〕8号', publishedAt: '2021-03-31' });
  });
  it('reads 一季度一汇总 as a quarterly recurrence', () => {
    expect(task(p, '2').recurrence).toBe('quarterly');
    expect(task(p, '2').section).toBe('(二)加快推进全域科技创新,全面提升科技创新能力。');
  });
});

describe('a caption naming a five-year period inside a one-year document', () => {
  const p = parsePlanText(
    [
      '关于印发2021年重点工作责任分解的通知',
      '各县(市、区)人民政府,市政府各部门:',
      '现将重点工作责任分解印发给你们,请认真贯彻执行。',
      '“十四五”时期重点工作',
      '1.实施提高居民收入富民行动,加快构建共同富裕发展格局。',
      '责任单位:市发改委、市农业农村局',
      '2.实施做大产业扩大税源行动,加快构建现代产业体系。',
      '责任单位:市经信局',
      '2021年重点工作',
      '3.建成城市大脑二期工程。',
      '责任单位:市大数据局',
    ].join('\n'),
  );
  it('runs the items under it to the end of that period (十四五: 2025), not the document year', () => {
    expect(p.plan.year).toBe(2021);
    expect(p.tasks.map((t) => [t.code, t.deadline])).toEqual([
      ['1', '2025-12-31'],
      ['2', '2025-12-31'],
      ['3', '2021-12-31'],
    ]);
  });
  it('keeps the plan period and a dated item as they are', () => {
    const dated = parsePlanText(['2021年重点工作', '“十四五”时期重点工作', '1.建设创新平台,9月底前完成。', '责任单位:市科技局'].join('\n'));
    expect(dated.plan.periodEnd).toBe('2021-12-31');
    expect(dated.tasks[0].deadline).toBe('2021-09-30');
  });
});
