import { parseChineseNumeral, toChineseNumeral } from './chinese-numerals';

describe('chinese numerals', () => {
  it.each([
    ['十', 10], ['十大', null], ['两', 2], ['三', 3], ['十二', 12], ['二十三', 23], ['一百零五', 105],
    ['一千二百', 1200], ['三万', 30000], ['3万', 30000], ['二〇二一', 2021], ['', null], ['abc', null],
  ])('%p → %p', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });
  it('writes small numbers back', () => {
    expect([1, 5, 10, 12, 20, 23].map(toChineseNumeral)).toEqual(['一', '五', '十', '十二', '二十', '二十三']);
  });
});
