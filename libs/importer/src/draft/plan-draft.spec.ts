import type { ParsedPlan, Task } from '../types';
import { aliasScope, closestUnits } from './unit-proposals';
import { applyDraftEdits, correctedFields, DraftEditError, PlanDraft } from './plan-draft';

const task = (code: string, title: string, deadline: string, lead: string[], resp: string[] = []): Task => ({
  code, group: null, section: null, title, content: `${title}。`, goal: null, deadline, deadlineText: null,
  leadUnits: lead, responsibleUnits: resp, assistingUnits: [], steps: [], indicators: [], recurrence: null,
});

const PLAN: ParsedPlan = {
  plan: { title: '甲区2031年重点工作', issuer: '甲区人民政府', year: 2031, publishedAt: null, docNumber: null, periodStart: '2031-01-01', periodEnd: '2031-12-31' },
  targets: [],
  tasks: [task('1', '建设产业园', '2031-12-31', ['区发改局'], ['区财政局']), task('2', '改造小区', '2031-06-30', ['区住建局']), task('3', '优化服务', '2031-09-30', ['区数据局'], ['区财政局'])],
  warnings: [],
};
const draft = (): PlanDraft => ({ plan: JSON.parse(JSON.stringify(PLAN)), corrections: [], mappings: {} });
const units = new Map([['u-1', '某市甲区发展和改革局']]);
const fails = (f: () => unknown): DraftEditError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DraftEditError) return e;
    throw e;
  }
  throw new Error('expected a DraftEditError');
};

describe('applyDraftEdits', () => {
  it('reads Chinese deadlines in the plan\'s year and keeps the text', () => {
    const d = applyDraftEdits(draft(), [{ op: 'setTask', code: '2', deadline: '9月底前' }, { op: 'setTask', code: '3', deadline: '三季度' }, { op: 'setTask', code: '1', deadline: '2031-11-15' }], units);
    expect(d.plan.tasks.map((t) => [t.deadline, t.deadlineText])).toEqual([['2031-11-15', null], ['2031-09-30', '9月底前'], ['2031-09-30', '三季度']]);
    expect(correctedFields(d.corrections)).toEqual({ '1': ['deadline'], '2': ['deadline'], '3': ['deadline'] });
  });

  it('merges items: units joined, the later deadline, the other item gone', () => {
    const d = applyDraftEdits(draft(), [{ op: 'mergeTasks', into: '2', codes: ['3'] }], units);
    expect(d.plan.tasks.map((t) => t.code)).toEqual(['1', '2']);
    expect(d.plan.tasks[1]).toMatchObject({ deadline: '2031-09-30', leadUnits: ['区住建局', '区数据局'], responsibleUnits: ['区财政局'] });
    expect(d.plan.tasks[1].content).toBe('改造小区。\n优化服务。');
  });

  it('maps and creates units by the names the items use, and leaves the input untouched', () => {
    const before = draft();
    const d = applyDraftEdits(before, [{ op: 'mapUnit', name: '区发改局', unitId: 'u-1' }, { op: 'createUnit', name: '区数据局', unitName: '某市甲区数据局' }], units);
    expect(d.mappings).toEqual({ 区发改局: { unitId: 'u-1', unitName: '某市甲区发展和改革局' }, 区数据局: { create: '某市甲区数据局' } });
    expect(before.mappings).toEqual({});
  });

  it.each([
    [{ op: 'setTask', code: '1', deadline: '尽快' }, '1', 'deadline', '事项 1 的完成时限「尽快」无法识别（可写 2025-09-30、9月底前、三季度、年底前）'],
    [{ op: 'setTask', code: '1', deadline: '2031-02-30' }, '1', 'deadline', '事项 1 的完成时限「2031-02-30」无法识别（可写 2025-09-30、9月底前、三季度、年底前）'],
    [{ op: 'setTask', code: '1', title: '  ' }, '1', 'title', '事项 1 的标题不能为空'],
    [{ op: 'setTask', code: '1', leadUnits: [] }, '1', 'leadUnits', '事项 1 须有牵头单位'],
    [{ op: 'dropTask', code: '7' }, '7', 'code', '事项 7 不存在（可能已删除或已合并）'],
    [{ op: 'mergeTasks', into: '1', codes: ['1'] }, '1', 'codes', '事项 1 不能重复合并或并入自身'],
    [{ op: 'mapUnit', name: '区发改局', unitId: 'u-9' }, null, 'unitId', '单位「u-9」不存在'],
    [{ op: 'mapUnit', name: '市发改委', unitId: 'u-1' }, null, 'name', '单位名称「市发改委」不在本次导入的事项中'],
  ] as const)('refuses %j naming the item and field', (edit, code, field, message) => {
    const e = fails(() => applyDraftEdits(draft(), [edit as never], units));
    expect([e.code, e.field, e.message]).toEqual([code, field, message]);
  });
});

describe('unit proposals', () => {
  it('scopes names that start with a level to the issuer, and names with their place to everyone', () => {
    expect(aliasScope('区发改局', '甲区人民政府')).toBe('@甲区人民政府');
    expect(aliasScope('区发改局', '乙区人民政府')).not.toBe(aliasScope('区发改局', '甲区人民政府'));
    expect(aliasScope('甲区发改局', '乙区人民政府')).toBe('');
  });

  it('ranks the closest directory units', () => {
    const dir = [
      { id: 'a', name: '某市甲区市场监督管理局', aliases: [] },
      { id: 'b', name: '某市财政局', aliases: ['市财政局'] },
    ];
    expect(closestUnits('区市场监管局', dir).map((m) => m.id)).toEqual(['a']);
    expect(closestUnits('市财政局', dir)[0]).toEqual({ id: 'b', name: '某市财政局', score: 1 });
  });
});
