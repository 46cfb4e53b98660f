import { ImportError } from '../errors';
import { htmlToText } from './html.reader';
import { parseCsv } from './table.reader';

describe('parseCsv (csv-parse)', () => {
  it('reads quotes, doubled quotes, newlines in quotes, ragged rows, blank lines and the sniffed delimiter', () => {
    expect(parseCsv('\uFEFF序号;任务\r\n1;"推进""周调度""\n机制";多余\r\n\r\n2;x')).toEqual([
      ['序号', '任务'],
      ['1', '推进"周调度"\n机制', '多余'],
      [''],
      ['2', 'x'],
    ]);
  });

  it('keeps a stray quote inside an unquoted cell as text', () => {
    expect(parseCsv('a,b\n5"寸,c')).toEqual([['a', 'b'], ['5"寸', 'c']]);
  });

  it('refuses a quote that is never closed, naming the line', () => {
    expect(() => parseCsv('序号,任务\n1,"推进\n2,x')).toThrow(expect.objectContaining({ code: 'unreadable', line: 3 }));
    expect(() => parseCsv('a,"b')).toThrow(ImportError);
  });
});

describe('htmlToText (htmlparser2)', () => {
  it('drops header, footer and a <head> left open, keeps the words around them apart', () => {
    expect(htmlToText('<html><head><title>门户</title><body><header>导航</header>一、任务<footer>版权</footer>完</body>'))
      .toBe('一、任务 完');
  });

  it('adds no line for closes the source never wrote', () => {
    expect(htmlToText('<p>甲<p>乙<br>丙<hr>丁')).toBe('\n甲\n乙\n丙\n丁');
  });
});
