import { stripChrome } from './chrome';
import { toLines } from './text';

// Metadata lines as tesseract gives them back from a scanned web page: the spaces between fields are
// gone, and a line may break inside the next field's label.
describe('stripChrome on OCR text', () => {
  it('reads the publisher when the time touches the date', () => {
    const { meta } = stripChrome(toLines(['2017年全省科技工作要点', '2017-03-0109:36湖北省科技厅', '一、主要目标'].join('\n')));
    expect(meta).toMatchObject({ publishedAt: '2017-03-01', issuer: '湖北省科技厅' });
  });

  it('keeps the next label out of the issuer when no space separates them', () => {
    const { meta } = stripChrome(
      toLines(['索引 号:011396186/2021-12603主题分类:科技发布机构:潜江市科技局发文', '日 期:2021年03月31日', '一、主要目标'].join('\n')),
    );
    expect(meta.issuer).toBe('潜江市科技局');
  });
});
