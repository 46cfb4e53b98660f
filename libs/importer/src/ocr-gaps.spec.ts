import { flagNumberingGaps } from './ocr-gaps';
import { parsePlanText } from './parse';

describe('flagNumberingGaps: items a scan may have lost', () => {
  const plan = (lines: string[]) => {
    const text = lines.join('\n');
    return flagNumberingGaps(parsePlanText(text, { fileName: 'scan.pdf' }), text);
  };

  it('names the numbers missing between two items and at the start of a series, on the line where the jump shows', () => {
    const p = plan([
      '2025年区数据局重点工作任务',
      '一、重点任务',
      '2.完成公共数据资源目录编制。(牵头单位:区数据局)9月底前完成。',
      '3.开展数据安全检查。(牵头单位:区委网信办)12月底前完成。',
      '6.建成全区公共数据共享交换平台。(牵头单位:区数据局)6月底前完成。',
    ]);
    expect(p.tasks.map((t) => t.code)).toEqual(['2', '3', '6']);
    expect(p.warnings.filter((w) => w.message.startsWith('文字识别可能漏读')).map((w) => [w.line, w.message])).toEqual([
      [3, '文字识别可能漏读了事项 1（编号跳到 2），请对照原件核对'],
      [5, '文字识别可能漏读了事项 4–5（编号跳到 6），请对照原件核对'],
    ]);
  });

  it('says nothing when every number follows the one before', () => {
    const p = plan(['2025年重点工作任务', '1.完成目录编制。(牵头单位:区数据局)9月底前完成。', '2.开展安全检查。(牵头单位:区委网信办)12月底前完成。']);
    expect(p.warnings.filter((w) => w.message.startsWith('文字识别可能漏读'))).toEqual([]);
  });
});
