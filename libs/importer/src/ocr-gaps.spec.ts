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

  // A table copied one cell a line, as OCR reads a printed one: tesseract dropped the lone "2".
  const TABLE = ['2025年重点工作任务', '序号', '重点任务', '牵头单位', '完成时限', '1', '完成目录编制。', '区数据局', '9月', '开展安全检查。', '区委网信办', '12月', '3', '建成交换平台。', '区数据局', '12月'];

  it('a scanned table goes on past a lost row number, and the gap is warned', () => {
    const text = TABLE.join('\n');
    const p = flagNumberingGaps(parsePlanText(text, { fileName: 'scan.pdf', scanned: true }), text);
    expect(p.tasks.map((t) => [t.code, t.title])).toEqual([
      ['1', '完成目录编制'],
      ['3', '建成交换平台'],
    ]);
    expect(p.warnings.map((w) => w.message)).toContain('文字识别可能漏读了事项 2（编号跳到 3），请对照原件核对');
    // Without the flag (a text layer, a typed file) a number out of sequence is a cell, as before.
    expect(parsePlanText(text, { fileName: 'plan.txt' }).tasks.map((t) => t.code)).toEqual(['1']);
  });

  it('a scanned table does not take a stray number for a row when no title follows it', () => {
    const lines = [...TABLE.slice(0, 9), '3', '(1)开展安全检查。', '12月'];
    expect(parsePlanText(lines.join('\n'), { fileName: 'scan.pdf', scanned: true }).tasks.map((t) => t.code)).toEqual(['1']);
  });
});
