import { classifyOle, classifyZip, cleanFileName, declaredKind, judgeContent, showsInline } from './evidence-types';

describe('evidence types', () => {
  it('takes the declared type from the extension, case-insensitively', () => {
    expect(declaredKind('2027年一季度进展.PDF')).toEqual({ ok: true, kind: 'pdf' });
    expect(declaredKind('现场.jpeg')).toEqual({ ok: true, kind: 'jpg' });
    expect(declaredKind('台账.et')).toEqual({ ok: true, kind: 'et' });
  });

  it('refuses a type outside the allow-list, naming it in Chinese', () => {
    const r = declaredKind('setup.exe');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^不支持的文件类型：\.exe。允许的类型：PDF、OFD/);
    expect(!declaredKind('说明').ok && (declaredKind('说明') as { message: string }).message).toMatch(/没有扩展名/);
  });

  it('accepts bytes of the declared kind and refuses others, naming what they are', () => {
    expect(judgeContent('pdf', { kind: 'pdf' }, 'pdf').ok).toBe(true);
    expect(judgeContent('zip', { kind: 'docx' }, 'zip').ok).toBe(true);
    expect(judgeContent('wps', { kind: 'ole-word' }, 'wps').ok).toBe(true);
    const exe = judgeContent('pdf', { kind: 'other', ext: 'exe', mime: 'application/x-msdownload' }, 'pdf');
    expect(exe).toEqual({ ok: false, message: expect.stringMatching(/^不支持的文件类型：文件内容是Windows 可执行程序（exe）（扩展名 \.pdf）/) });
    const renamed = judgeContent('doc', { kind: 'docx' }, 'doc');
    expect(renamed).toEqual({ ok: false, message: '文件内容是Word 文档（docx），与扩展名 .doc（Word 97-2003 文档）不符，请改正扩展名后重新上传' });
    expect(judgeContent('xls', { kind: 'ole-other' }, 'xls').ok).toBe(false);
    expect(judgeContent('png', { kind: 'unknown' }, 'png')).toEqual({ ok: false, message: expect.stringMatching(/^文件内容不是PNG 图片（扩展名 \.png），无法识别其类型/) });
    const gif = judgeContent('png', { kind: 'other', ext: 'xyz', mime: 'application/x-xyz' }, 'png');
    expect(!gif.ok && gif.message).toContain('XYZ 文件（application/x-xyz）');
  });

  it('tells OFD, Word, Excel and plain zips apart by their entries', () => {
    expect(classifyZip(['OFD.xml', 'Doc_0/Document.xml'])).toEqual({ kind: 'ofd' });
    expect(classifyZip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])).toEqual({ kind: 'docx' });
    expect(classifyZip(['[Content_Types].xml', 'xl/workbook.xml'])).toEqual({ kind: 'xlsx' });
    expect(classifyZip(['[Content_Types].xml', 'ppt/presentation.xml'])).toEqual({ kind: 'pptx' });
    // word/ without [Content_Types].xml is only a folder in a zip.
    expect(classifyZip(['word/document.xml'])).toEqual({ kind: 'zip' });
  });

  it('tells Word from Excel inside OLE files by their streams', () => {
    expect(classifyOle(['WordDocument', '1Table'])).toEqual({ kind: 'ole-word' });
    expect(classifyOle(['Workbook'])).toEqual({ kind: 'ole-excel' });
    expect(classifyOle(['Book'])).toEqual({ kind: 'ole-excel' });
    expect(classifyOle(['\u0005SummaryInformation'])).toEqual({ kind: 'ole-other' });
  });

  it('keeps only the base name of an uploaded file name, without control characters', () => {
    expect(cleanFileName('C:\\fakepath\\市科技局\u0007报告.pdf')).toBe('市科技局报告.pdf');
    expect(cleanFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    const long = cleanFileName(`${'长'.repeat(300)}.docx`);
    expect(long).toHaveLength(255);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('shows images inline and downloads everything else', () => {
    expect(showsInline('png')).toBe(true);
    expect(showsInline('pdf')).toBe(false);
  });
});
