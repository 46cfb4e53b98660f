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

const QUOTE_PAIRS: [string, string][] = [['《', '》'], ['“', '”'], ['"', '"'], ['「', '」'], ['‘', '’']];

/**
 * Spans inside 《…》 and “…”: numbers there are names ("“410”工程"), not quantities. Flat
 * [from, to, from, to, …] pairs, both ends inside the span; a text has few, so a list beats a mask.
 */
function quotedSpans(text: string): number[] {
  const spans: number[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    let i = 0;
    while ((i = text.indexOf(open, i)) !== -1) {
      const j = text.indexOf(close, i + 1);
      if (j === -1 || j - i > 60) {
        i++;
        continue;
      }
      spans.push(i, j);
      i = j + 1;
    }
  }
  return spans;
}

function quoted(spans: number[], at: number): boolean {
  for (let k = 0; k < spans.length; k += 2) if (at >= spans[k] && at <= spans[k + 1]) return true;
  return false;
}

/** A lookup table of break characters (one byte per UTF-16 code unit): walking back is one array read per character. */
function breakTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}
/** A number right after a letter, 第, 前, a digit or a dot ("第3", "前10", "V2.5") is no quantity. */
const AFTER_WORD = breakTable('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz第前0123456789.');
const CLAUSE_BREAK = breakTable('，,；;。：:！!？?\n(（');
const SENTENCE_BREAK = breakTable('；;。！!？?\n');

/**
 * Where the clause (or sentence) holding position `at` starts: the character after the last break
 * before it. Quantities are visited left to right, so the walk back stops at the previous one and
 * reuses its answer when no break lies between (a long sentence is walked once, not once per number).
 */
function startsOf(text: string, breaks: Uint8Array): (at: number) => number {
  let lastAt = 0;
  let lastStart = 0;
  return (at) => {
    const floor = at >= lastAt ? lastAt : 0;
    let i = at;
    while (i > floor && !breaks[text.charCodeAt(i - 1)]) i--;
    const start = i === floor && floor === lastAt ? lastStart : i;
    lastAt = at;
    lastStart = start;
    return start;
  };
}

/** The year a quantity is due: "到2021年…突破6000家", "2021年,全市…突破110家". */
function horizon(text: string, spans: number[], from: number, to: number): string | null {
  const re = /(?:到|至|截至|截止)?(\d{4})年(?:底|末)?(?![—–\-~～至到\d])/g;
  re.lastIndex = from;
  // A match starting before `to` reads at most 8 characters and one more ahead: the rest of a long
  // text need not be scanned for the next match.
  const near = text.length > to + 9 ? text.slice(0, to + 9) : text;
  let year: number | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(near)) && m.index < to) {
    if (quoted(spans, m.index)) continue;
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
  const spans = quotedSpans(text);
  const clauseStart = startsOf(text, CLAUSE_BREAK);
  const sentenceStart = startsOf(text, SENTENCE_BREAK);
  const found: Indicator[] = [];
  const at: number[] = [];
  QTY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QTY.exec(text))) {
    const pos = m.index;
    const end = pos + m[0].length;
    if (quoted(spans, pos)) continue;
    if (pos > 0 && AFTER_WORD[text.charCodeAt(pos - 1)]) continue;
    const [, numText, rangeEnd, more, unit] = m;
    if (unit === '大' && /^(十[五六七八九]|二十)$/.test(numText)) continue; // 党的十九大
    if (numText === '一') continue; // 一批, 一个, 一项: manner of speech, not a target
    if ((unit === '亿' || unit === '万') && !/^\d/.test(numText)) continue; // 千亿, 万亿 as words
    const value = parseNumber(numText);
    if (value === null || !Number.isFinite(value)) continue;

    const cStart = clauseStart(pos);
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
      deadline: horizon(text, spans, sentenceStart(pos), pos),
    });
  }
  return found.map((indicator, k) => ({ indicator, index: at[k] }));
}
