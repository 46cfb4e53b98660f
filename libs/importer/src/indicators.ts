import { parseNumber } from './chinese-numerals';
import { isoDate } from './deadlines';
import type { Comparator, Indicator } from './types';

// Measure words a target can be counted in. 期/年/岁/级 are left out on purpose: they mostly
// name phases, dates and ages ("二期工程", "2021年"), not quantities.
const MEASURE =
  '亿元|万元|千元|元|美元|平方公里|平方米|公顷|亩|吨|公里|千米|人次|人|家|个|项|名|件|场|次|所|台|套|座|条|篇|批|户|倍|门|支|位|款|种|张|份|大|亿|万';
const QTY = new RegExp(
  `(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*)` + // number
    `(?:\\s*[-—–~～至到]\\s*(\\d+(?:\\.\\d+)?))?` + // optional range end: 1-2家
    `(多|余)?` +
    `(个百分点|[%％‰]|(?:万|千|百|亿)?(?:${MEASURE}))`,
  'g',
);

const GE_BEFORE = /(突破|超过|达到|达|不少于|不低于|至少|力争|增长|提高到?|提升到?|新增|增加|增至|上升)\s*$/;
const LE_BEFORE = /(控制在|不超过|(?<!不)低于|(?<!不)少于|压减到?|降至|下降到|以内)\s*$/;
const VERB_TAIL =
  /(力争|争取|实现|突破到?|达到|达|超过|不少于|不低于|至少|为|到|至|提高到|提升到|控制在|不超过|低于|约|近|共|均|以上)+$/;

/** Positions inside 《…》 and “…”: numbers there are names ("“410”工程"), not quantities. */
function quotedMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  const pairs: [string, string][] = [['《', '》'], ['“', '”'], ['"', '"'], ['「', '」'], ['‘', '’']];
  for (const [open, close] of pairs) {
    let i = 0;
    while ((i = text.indexOf(open, i)) !== -1) {
      const j = text.indexOf(close, i + 1);
      if (j === -1 || j - i > 60) {
        i++;
        continue;
      }
      for (let k = i; k <= j; k++) mask[k] = true;
      i = j + 1;
    }
  }
  return mask;
}

function clauseStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !/[，,；;。：:！!？?\n(（]/.test(text[i - 1])) i--;
  return i;
}

function sentenceStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !/[；;。！!？?\n]/.test(text[i - 1])) i--;
  return i;
}

/** The year a quantity is due: "到2021年…突破6000家", "2021年,全市…突破110家". */
function horizon(text: string, mask: boolean[], from: number, to: number): string | null {
  const re = /(?:到|至|截至|截止)?(\d{4})年(?:底|末)?(?![—–\-~～至到\d])/g;
  re.lastIndex = from;
  let year: number | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    if (mask[m.index]) continue;
    const prev = text[m.index - 1] ?? '';
    if (/[—–\-~～\d]/.test(prev)) continue; // second year of a range
    year = Number(m[1]);
  }
  return year !== null && year >= 1990 && year <= 2100 ? isoDate(year, 12, 31) : null;
}

/**
 * Quantified targets in running text. A range "1-2家" is read as its lower bound with ">=":
 * the document promises at least that much. A bare amount ("技术合同成交额750亿元") is "=".
 */
export function extractIndicators(text: string): Indicator[] {
  return findIndicators(text).map((f) => f.indicator);
}

/** Like extractIndicators, with the offset of each quantity in `text`. */
export function findIndicators(text: string): { indicator: Indicator; index: number }[] {
  const mask = quotedMask(text);
  const found: Indicator[] = [];
  const at: number[] = [];
  QTY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QTY.exec(text))) {
    const pos = m.index;
    const end = pos + m[0].length;
    if (mask[pos]) continue;
    const before = text.slice(Math.max(0, pos - 1), pos);
    if (/[A-Za-z第前\d.]/.test(before)) continue;
    const [, numText, rangeEnd, more, unit] = m;
    if (unit === '大' && /^(十[五六七八九]|二十)$/.test(numText)) continue; // 党的十九大
    if (numText === '一') continue; // 一批, 一个, 一项: manner of speech, not a target
    if ((unit === '亿' || unit === '万') && !/^\d/.test(numText)) continue; // 千亿, 万亿 as words
    const value = parseNumber(numText);
    if (value === null || !Number.isFinite(value)) continue;

    const cStart = clauseStart(text, pos);
    const prefix = text.slice(cStart, pos);
    const after = text.slice(end, end + 4);
    let comparator: Comparator = '=';
    if (rangeEnd || more || /^(以上|及以上|多|余)/.test(after) || GE_BEFORE.test(prefix)) comparator = '>=';
    if (/^(以下|以内|之内)/.test(after) || LE_BEFORE.test(prefix)) comparator = '<=';
    if (comparator === '=' && /(^|[，,；;])\s*(新增|增加|培育|引进)/.test(prefix)) comparator = '>=';
    if (/^左右/.test(after)) comparator = '=';

    let name = prefix
      .replace(/^\s*(\d+[、.．)）]|[(（]\d+[)）])/, '')
      .replace(/^(?:到|至|截至)?\d{4}年(?:底|末)?/, '')
      .replace(/^(全年|今年|并|和|及|同时|其中|力争|争取)+/, '')
      .trim()
      .replace(VERB_TAIL, '')
      .trim();
    if (name.length <= 4) {
      const tail = /^[^，,；;。、\s（(]{0,20}/.exec(text.slice(end).replace(/^(以上|以下|左右|以内)/, ''))?.[0] ?? '';
      name = (name + tail).trim();
    }
    if (!name && found.length) name = found[found.length - 1].name;
    at.push(m.index);
    found.push({
      name,
      value,
      unit: unit === '％' ? '%' : unit,
      comparator,
      deadline: horizon(text, mask, sentenceStart(text, pos), pos),
    });
  }
  return found.map((indicator, k) => ({ indicator, index: at[k] }));
}
