import { flagUnreadUnits } from './ocr-flags';
import { parsePlanText } from './parse';

describe('flagUnreadUnits: unit fields a scan got wrong whatever the confidence', () => {
  const flags = (lines: string[]) => {
    const text = lines.join('\n');
    return flagUnreadUnits(parsePlanText(text, { fileName: 'scan.pdf', scanned: true }), text).warnings.filter((w) => w.field === 'leadUnits' || w.field === 'units');
  };
  const HEAD = ['武汉市人民政府', '2025年重点工作任务', '一、重点任务'];

  it('flags an item whose units fell back to the issuer past a broken label', () => {
    // "(牵头单位:" read as "(位", "责任单位" without its colon: no label is read, the issuer leads.
    const w = flags([...HEAD, '1.提升科技金融创新功能。(位市地方金融局;责任单位市发改委、市科技局)']);
    expect(w.map((x) => [x.line, x.message])).toEqual([
      [4, '文字识别没有读出单位（文中有「责任单位」）：事项 1 的牵头单位、责任单位、配合单位请核对，牵头单位暂按发文单位「武汉市人民政府」读入'],
    ]);
  });

  it('flags a unit name that holds a label or a bracket', () => {
    const w = flags([...HEAD, '1.培养高素质技能型人才。(牵头单位:市招才局潜任单位:市人社局、市教育局)']);
    expect(w.map((x) => x.message)).toEqual(['文字识别读出的事项 1 的牵头单位「市招才局潜任单位:市人社局」不像单位名称，请核对']);
  });

  it('says nothing of units read whole, or of an item that names none', () => {
    expect(flags([...HEAD, '1.建成交换平台。(牵头单位:市数据局;责任单位:市科技局、市发改委)', '2.开展数据安全检查。'])).toEqual([]);
  });
});
