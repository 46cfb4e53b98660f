import { findRoleTails, findUnitTail, looksLikeUnit, readLabels, readRoleTail, splitUnits } from './units';

describe('splitUnits', () => {
  it('splits on 、，,;；', () => {
    expect(splitUnits('市科技局、市财政局,市教育局；市人社局，团市委;市科协').units).toEqual([
      '市科技局', '市财政局', '市教育局', '市人社局', '团市委', '市科协',
    ]);
  });
  it('expands a shared 人民政府 suffix across 、', () => {
    expect(splitUnits('江岸区、硚口区、武昌区人民政府').units).toEqual(['江岸区人民政府', '硚口区人民政府', '武昌区人民政府']);
  });
  it('expands a shared 管委会 suffix', () => {
    expect(splitUnits('东湖高新区、武汉经开区管委会').units).toEqual(['东湖高新区管委会', '武汉经开区管委会']);
  });
  it('does not carry a suffix across a comma to an unrelated clause', () => {
    expect(splitUnits('市自然资源和规划局,东湖高新区、武汉经开区管委会,江岸区、硚口区人民政府').units).toEqual([
      '市自然资源和规划局', '东湖高新区管委会', '武汉经开区管委会', '江岸区人民政府', '硚口区人民政府',
    ]);
  });
  it('splits on 和/及 only between unit names', () => {
    expect(splitUnits('市自然资源和规划局').units).toEqual(['市自然资源和规划局']);
    expect(splitUnits('市政务服务和大数据管理局').units).toEqual(['市政务服务和大数据管理局']);
    expect(splitUnits('市司法局和市发展改革委').units).toEqual(['市司法局', '市发展改革委']);
    expect(splitUnits('市财政局及市税务局').units).toEqual(['市财政局', '市税务局']);
    expect(splitUnits('江岸区和硚口区人民政府').units).toEqual(['江岸区人民政府', '硚口区人民政府']);
  });
  it('keeps bracketed notes as notes', () => {
    const list = splitUnits('市发改委、各区人民政府〈含开发区管委会,下同》');
    expect(list.units).toEqual(['市发改委', '各区人民政府']);
    expect(list.notes).toEqual(['含开发区管委会,下同']);
    expect(splitUnits('各区人民政府(含开发区)').notes).toEqual(['含开发区']);
  });
  it('keeps brackets that are part of a name', () => {
    expect(splitUnits('各县（市、区）人民政府、中国(武汉)知识产权保护中心').units).toEqual([
      '各县（市、区）人民政府', '中国(武汉)知识产权保护中心',
    ]);
  });
  it('marks units flagged (牵头)', () => {
    const list = splitUnits('市市场监管局（牵头）、市税务局');
    expect(list.units).toEqual(['市市场监管局', '市税务局']);
    expect(list.marked).toEqual(['市市场监管局']);
  });
  it('drops trailing 等', () => {
    expect(splitUnits('市科技局、市财政局等').units).toEqual(['市科技局', '市财政局']);
  });
});

describe('labels and tails', () => {
  it('reads a "(牵头单位:X;责任单位:A、B,C)" tail', () => {
    const text = '建设高水平实验室体系。……确保位次不变、数量不减。(牵头单位:市科技局;责任单位:市发改委、市教育局,东湖高新区管委会)';
    const tail = findUnitTail(text);
    expect(tail?.inner).toBe('牵头单位:市科技局;责任单位:市发改委、市教育局,东湖高新区管委会');
    const f = readLabels(tail?.inner ?? '');
    expect(f?.lead).toEqual(['市科技局']);
    expect(f?.responsible).toEqual(['市发改委、市教育局,东湖高新区管委会']);
  });
  it('reads several labels on one line', () => {
    const f = readLabels('牵头单位：市科技局 配合单位：市财政局 完成时限：2025年6月底前');
    expect(f).toEqual({ lead: ['市科技局'], responsible: [], assisting: ['市财政局'], deadline: '2025年6月底前', leaders: [], contacts: [] });
  });
  it('returns null without labels', () => {
    expect(readLabels('加快推进重大科技基础设施建设')).toBeNull();
  });
  it('recognises unit names', () => {
    expect(looksLikeUnit('武汉人才集团')).toBe(true);
    expect(looksLikeUnit('加快建设。')).toBe(false);
  });
});

describe('role tails without labels (国务院/省政府 分工 style)', () => {
  it('reads "X牵头，Y、Z按职责分工负责" and drops 等', () => {
    expect(readRoleTail('省商务厅牵头，省发展改革委、省财政厅按职责分工负责')).toEqual({
      lead: ['省商务厅'], responsible: ['省发展改革委、省财政厅'], assisting: [], deadline: null, leaders: [], contacts: [],
    });
    expect(splitUnits('省财政厅等按职责分工负责').units).toEqual(['省财政厅']);
  });
  it('reads "（各市州人民政府负责）" and 配合 clauses', () => {
    expect(findRoleTails('抓好城市更新。（各市州人民政府负责）')[0].fields.responsible).toEqual(['各市州人民政府']);
    expect(readRoleTail('市科技局牵头，市财政局配合')?.assisting).toEqual(['市财政局']);
  });
  it('is no tail when a clause names no unit', () => {
    expect(findRoleTails('推进改革（由各地结合实际负责组织实施，成效明显）')).toEqual([]);
  });
  it('a clause ending in 牵头 inside a 责任单位 value names the lead only', () => {
    expect(splitUnits('县发改局牵头，县直各相关单位按职责分工负责')).toEqual({ units: ['县直各相关单位'], notes: [], marked: ['县发改局'] });
  });
  it('ends a value at 责任领导 and never reads the person as a unit', () => {
    expect(readLabels('牵头单位：市发展改革委 责任领导：副市长 王某某')).toEqual({
      lead: ['市发展改革委'], responsible: [], assisting: [], deadline: null, leaders: ['王某某'], contacts: [],
    });
    expect(readLabels('责任领导：副市长 王某某')).toBeNull();
  });
});
