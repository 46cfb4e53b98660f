import { flagUnreadText } from './ocr-unread';
import { parsePlanText } from './parse';

/** A scan's text as layout gives it: every line OCR'd (confidence 90), 20 lines a page. */
function scanned(lines: string[]) {
  const text = lines.join('\n');
  const layout = {
    text,
    confidence: new Map(lines.map((_, i) => [i + 1, 90])),
    origin: new Map(lines.map((_, i) => [i + 1, { page: Math.floor(i / 20) + 1, line: (i % 20) + 1 }])),
  };
  return flagUnreadText(parsePlanText(text, { fileName: 'scan.pdf' }), layout);
}

const unread = (p: ReturnType<typeof scanned>) => p.warnings.filter((w) => w.field === 'unread').map((w) => w.message);

describe('flagUnreadText: text a scan showed that went into no item', () => {
  it('names nothing when every line after the head went into an item', () => {
    const p = scanned([
      '2025年区数据局重点工作任务',
      '为做好全年工作，制定本任务清单。',
      '1.完成公共数据资源目录编制。(牵头单位:区数据局)9月底前完成。',
      '2.开展数据安全检查。(牵头单位:区委网信办)12月底前完成。',
    ]);
    expect(p.tasks).toHaveLength(2);
    expect(unread(p)).toEqual([]);
  });

  it('names the last item when OCR misread its number and the item before took it in', () => {
    const p = scanned([
      '2025年区数据局重点工作任务',
      '1.完成公共数据资源目录编制。(牵头单位:区数据局)9月底前完成。',
      '2.开展数据安全检查。(牵头单位:区委网信办)12月底前完成。',
      '“3 建成全区公共数据共享交换平台，实现部门数据按需共享。',
    ]);
    expect(p.tasks.map((t) => t.code)).toEqual(['1', '2']);
    expect(unread(p)).toEqual(['文字识别后事项 2 的内容里有一行以编号「3」开头，其后的文字可能属于漏读的事项，请对照原件核对']);
    expect(p.warnings.find((w) => w.field === 'unread')?.text).toContain('建成全区公共数据共享交换平台');
  });

  it('names, by page and line, recognised text after the first item that no item took up', () => {
    const p = scanned([
      '2025年区数据局重点工作任务',
      '1.完成公共数据资源目录编制。(牵头单位:区数据局)9月底前完成。',
      '2.开展数据安全检查。(牵头单位:区委网信办)12月底前完成。',
      '二、工作要求',
      '各单位要高度重视，明确专人负责，按时报送进展情况。',
    ]);
    expect(JSON.stringify(p.tasks)).not.toContain('明确专人负责');
    expect(unread(p)).toEqual(['文字识别的第 1 页第 5 行「各单位要高度重视，明确专人负责，按时报送进展情况…」没有读进任何事项，可能漏读了事项，请对照原件核对']);
  });
});
