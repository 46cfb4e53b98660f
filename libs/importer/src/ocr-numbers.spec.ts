import { flagRepairedNumbers, repairItemNumbers } from './ocr-numbers';
import { parsePlanText } from './parse';

describe('repairItemNumbers: item numbers OCR read as look-alikes', () => {
  const HEAD = ['2025年区数据局重点工作任务', '一、重点任务'];
  const scan = (lines: string[]) => {
    const { text, repairs } = repairItemNumbers(lines.join('\n'));
    return { text: text.split('\n'), repairs, plan: flagRepairedNumbers(parsePlanText(text, { fileName: 'scan.pdf', scanned: true }), repairs) };
  };

  it('reads "工" as the 1. a section start and a following 2. leave out, and names the item', () => {
    const { text, plan } = scan([
      ...HEAD,
      '(一)数据共享',
      '工建成公共数据共享交换平台。(牵头单位:区数据局)6月底前完成。',
      '2.完成公共数据资源目录编制。(牵头单位:区数据局)9月底前完成。',
    ]);
    expect(text[3]).toBe('1.建成公共数据共享交换平台。(牵头单位:区数据局)6月底前完成。');
    expect(plan.tasks.map((t) => [t.code, t.title])).toEqual([
      ['1', '建成公共数据共享交换平台'],
      ['2', '完成公共数据资源目录编制'],
    ]);
    expect(plan.warnings.map((w) => [w.line, w.message])).toContainEqual([4, '文字识别把事项 1 的编号读成了「工」，按前后编号读作「1.」，请对照原件核对']);
  });

  it('restarts a series after the item before when the section heading between them was lost', () => {
    const { text } = scan([...HEAD, '3.开展数据安全检查。(牵头单位:区委网信办)', '|培育数据要素市场。(牵头单位:区数据局)', '2.完成目录编制。(牵头单位:区数据局)']);
    expect(text[3]).toBe('1.培育数据要素市场。(牵头单位:区数据局)');
  });

  it('fills a gap in the middle of a series with the look-alike of the number it leaves', () => {
    const { repairs } = scan([...HEAD, '6.开展数据安全检查。', '了建成交换平台。', '8.完成目录编制。']);
    expect(repairs.map((r) => [r.line, r.read, r.number])).toEqual([[4, '了', 7]]);
  });

  it('leaves a line alone when the numbering around it has no gap, or another number', () => {
    expect(scan([...HEAD, '(一)数据共享', '工作要求：按季度报送进展。', '1.建成交换平台。']).repairs).toEqual([]);
    expect(scan([...HEAD, '1.建成交换平台。', '工作要求：按季度报送进展。', '2.完成目录编制。']).repairs).toEqual([]);
    // "工" stands for 1, and the gap here is 4.
    expect(scan([...HEAD, '3.开展数据安全检查。', '工作要求：按季度报送进展。', '5.完成目录编制。']).repairs).toEqual([]);
  });

  it('leaves a line alone that a page wrapped inside a paragraph', () => {
    expect(scan([...HEAD, '(一)数据共享', '建设数据中台，做强', '工业互联网标识解析节点。', '2.完成目录编制。']).repairs).toEqual([]);
  });
});
