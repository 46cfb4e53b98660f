import { extractIndicators } from './indicators';

const one = (text: string) => {
  const list = extractIndicators(text);
  expect(list).toHaveLength(1);
  return list[0];
};

describe('extractIndicators', () => {
  it('reads "800家以上" as >= 800 家', () => {
    expect(one('新增高新技术企业800家以上')).toEqual({
      name: '新增高新技术企业', value: 800, unit: '家', comparator: '>=', deadline: null,
    });
  });
  it('reads growth percentages', () => {
    expect(one('全市高新技术产业产值增长16%')).toMatchObject({ value: 16, unit: '%', comparator: '>=' });
  });
  it('reads 突破 with the 到YYYY年 horizon', () => {
    expect(one('到2021年,全市高新技术企业总数突破6000家')).toMatchObject({
      name: '全市高新技术企业总数', value: 6000, unit: '家', comparator: '>=', deadline: '2021-12-31',
    });
  });
  it('reads 达到 as >=', () => {
    expect(one('到2024年达到1300亿元')).toMatchObject({ value: 1300, unit: '亿元', comparator: '>=', deadline: '2024-12-31' });
  });
  it('reads a range as its lower bound with >=', () => {
    expect(one('科技保险参与公司增加1-2家')).toMatchObject({ value: 1, unit: '家', comparator: '>=' });
  });
  it('reads a bare amount as =', () => {
    expect(one('技术合同成交额750亿元')).toMatchObject({ name: '技术合同成交额', value: 750, unit: '亿元', comparator: '=' });
  });
  it('reads 比重达1.0%', () => {
    expect(one('企业研发经费支出占GDP的比重达1.0%')).toMatchObject({ value: 1, unit: '%', comparator: '>=' });
  });
  it('reads Chinese numerals', () => {
    expect(one('每年打造十大技术创新中心')).toMatchObject({ value: 10, unit: '大' });
    expect(one('推动两个国家技术创新中心加快建设')).toMatchObject({ value: 2, unit: '个' });
    expect(one('深部岩土工程扰动模拟等三个设施')).toMatchObject({ value: 3, unit: '个' });
  });
  it('reads 不少于 as >= and 控制在…以内 as <=', () => {
    expect(one('全年发布榜单项目不少于20项')).toMatchObject({ value: 20, comparator: '>=' });
    expect(one('办理时间控制在3个工作日以内')).toMatchObject({ value: 3, comparator: '<=' });
  });
  it('ignores years, dates, ordinals, quoted names and party congresses', () => {
    expect(extractIndicators('2021年3月,实施“410”工程,贯彻党的十九大精神,建设第四代光源,推进5G和P4实验室,培育一批企业')).toEqual([]);
  });
  it('keeps each indicator of a clause', () => {
    const list = extractIndicators('2021年,技术合同成交额增长10%,规模以上企业研发经费支出占GDP的比重达1.0%');
    expect(list.map((i) => [i.value, i.unit, i.deadline])).toEqual([
      [10, '%', '2021-12-31'],
      [1, '%', '2021-12-31'],
    ]);
  });
});
