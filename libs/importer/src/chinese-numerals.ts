const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Character class of everything parseChineseNumeral understands (for building regexes). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟';

/**
 * "十" → 10, "二十三" → 23, "一百零五" → 105, "两" → 2, "3万" → 30000, "二〇二一" → 2021.
 * Returns null for anything that is not entirely a numeral.
 */
export function parseChineseNumeral(input: string): number | null {
  const s = input.trim();
  if (!s) return null;
  // One character (一、(三) headings, 三季度): a digit word or not; the general reading below agrees.
  if (s.length === 1 && s in DIGITS) return DIGITS[s];
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  // Digit-by-digit form used for years: 二〇二一.
  if ([...s].every((c) => c in DIGITS) && s.length > 1) {
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const arabic = c >= '0' && c <= '9' ? /^\d+(\.\d+)?/.exec(s.slice(i)) : null;
    if (arabic) {
      digit = Number(arabic[0]);
      i += arabic[0].length;
      continue;
    }
    if (c in DIGITS) {
      digit = DIGITS[c];
    } else if (c in SMALL) {
      section += (digit ?? 1) * SMALL[c];
      digit = null;
    } else if (c in BIG) {
      section += digit ?? 0;
      total += (section || 1) * BIG[c];
      section = 0;
      digit = null;
    } else {
      return null;
    }
    i++;
  }
  return total + section + (digit ?? 0);
}

/** Parses either Arabic or Chinese numerals; "1.0" → 1, "十五" → 15. */
export function parseNumber(s: string): number | null {
  const t = s.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return parseChineseNumeral(t);
}

/** 1 → 一, 5 → 五, 12 → 十二, 23 → 二十三 (for renumbering headings that lost their number). */
export function toChineseNumeral(n: number): string {
  const d = '零一二三四五六七八九';
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return d[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : d[tens]}十${ones ? d[ones] : ''}`;
}
