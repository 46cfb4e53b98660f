import { classifyHeading, columnRole } from './headings';

describe('classifyHeading: shapes beyond the seeds', () => {
  it('puts 第一节 between 第一章 and 一、', () => {
    expect(classifyHeading('第二章 重点任务')).toMatchObject({ level: 0, value: 2, word: '章', rest: '重点任务' });
    expect(classifyHeading('第一节 强化企业创新主体地位')).toMatchObject({ level: 0.5, value: 1, word: '节' });
  });
  it('reads 督办通知 blocks "任务一：" as items', () => {
    expect(classifyHeading('任务一：加快推进扩区调规工作')).toMatchObject({ level: 3, value: 1, rest: '加快推进扩区调规工作' });
    expect(classifyHeading('督办事项12：整治积水点')).toMatchObject({ level: 3, value: 12 });
    expect(classifyHeading('任务分工如下')).toBeNull();
  });
  it('knows 办理要求 as a keyword and full-width "1．" items', () => {
    expect(classifyHeading('办理要求')).toMatchObject({ keyword: true });
    expect(classifyHeading('1．建设政务云平台。')).toMatchObject({ level: 3, value: 1 });
  });
  it('names 督办台账 columns', () => {
    expect(['督办事项', '办理时限', '进展情况', '责任领导', '时间安排'].map(columnRole)).toEqual(['title', 'deadline', 'note', 'person', 'deadline']);
  });
});
