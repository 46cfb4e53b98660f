import { CN_NUMERAL_CHARS, parseNumber } from './chinese-numerals';
import type { Recurrence } from './types';

/** What a deadline expression needs from the plan: its year and period. */
export interface DeadlineContext {
  year: number;
  periodStart: string;
  periodEnd: string;
}

export interface ParsedDeadline {
  /** Last calendar day of the period the text names (Asia/Shanghai calendar date). */
  date: string;
  text: string;
  /** `ongoing` = 长期坚持/持续推进: no real date, the plan end stands in (caller warns). */
  kind: 'date' | 'ongoing' | 'recurring';
  recurrence: Recurrence | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Calendar maths only: deadlines are civil dates, so no time zone can shift them. */
export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month m (1–12) of year y, Gregorian leap years (years 0–99 as 1900–1999, like Date.UTC). */
function daysIn(y: number, m: number): number {
  const g = y >= 0 && y <= 99 ? 1900 + y : y;
  const leap = (g % 4 === 0 && g % 100 !== 0) || g % 400 === 0;
  return m === 2 && leap ? 29 : MONTH_DAYS[m - 1];
}

export function lastDayOfMonth(y: number, m: number): string {
  return isoDate(y, m, daysIn(y, m));
}

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  return d > daysIn(y, m) ? null : isoDate(y, m, d);
}

const N = `(?:\\d{1,2}|[${CN_NUMERAL_CHARS}]{1,3})`;
const RANGE_DASH = '[—–\\-―~～至到]+';
// Compiled once: these run for every cell and step of every document.
const RANGE_RE = new RegExp(`^(\\d{4})年?${RANGE_DASH}(\\d{4})年?(底|末)?$`);
const MONTH_RE = new RegExp(`^(?:(本|今|当|次|明)年(?:度)?)?(${N})月(?:(${N})日|份)?(底|末|上旬|中旬|下旬|中)?$`);
/** A deadline phrase in running text (global: the reference scan that deadlinePhrases must equal). */
export const PHRASE_RE = new RegExp(
  `(\\d{4}年(?:年底|年末|底|末)|(?:\\d{4}年)?(?:(?:次|明|本|今)年)?(?:${N}月(?:${N}日)?(?:底|末|上旬|中旬|下旬)?|年底|年末|上半年|下半年|第?[一二三四]季度末?))(?:前|以前|之前|底前)(?:完成|办结|到位)?`,
  'g',
);

// Every phrase ends in 前/以前/之前/底前 and nothing before that holds a 前, so a phrase starts at
// most 18 characters before the first 前 at or after its start (2024年 次年 一十二月三十一日 下旬 以前).
// Trying PHRASE_RE (sticky) only there finds the same phrases as scanning the whole text.
const PHRASE_AT = new RegExp(PHRASE_RE.source, 'y');
const PHRASE_REACH = 18;

/** The deadline phrases of a text, left to right, exactly as a global PHRASE_RE scan finds them. */
export function deadlinePhrases(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  let prev = -1;
  for (let q = text.indexOf('前'); q !== -1; q = text.indexOf('前', Math.max(q + 1, from))) {
    // Starts whose first 前 is this one: after the previous 前, after the last phrase, within reach.
    for (let p = Math.max(from, prev + 1, q - PHRASE_REACH); p <= q; p++) {
      PHRASE_AT.lastIndex = p;
      const m = PHRASE_AT.exec(text);
      if (m) {
        out.push(m[0]);
        from = p + m[0].length;
        break;
      }
    }
    prev = q;
  }
  return out;
}

/** "每年" etc. as they appear anywhere in a task's text; the finest period wins. */
export function detectRecurrence(text: string): Recurrence | null {
  // Each pattern names 月, 季 or 年: a text without the character skips its regex.
  if (text.includes('月') && /每月|月月|按月|每个月|逐月|一月一/.test(text)) return 'monthly';
  if (text.includes('季') && /每季度?|按季度?|季度一|一季一|逐季/.test(text)) return 'quarterly';
  if (text.includes('年') && /每年|按年度?|逐年|年年|每一年/.test(text)) return 'yearly';
  return null;
}

function clean(text: string): string {
  let s = text
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/^[([【]|[)\]】]$/g, '')
    .replace(/[。.;；,，、:：]+$/g, '');
  s = s.replace(/^(于|在|力争|争取|计划|预计|截至|截止)/, '');
  // Trailing "完成/前/以前/内" only qualify the date.
  // "5月底前动工", "9月投入使用": the verb after the date says what is due, not when.
  s = s.replace(/(动工|开工|开建|投入使用|投用|建成|竣工|完工|启动|开学|到位|办结|上线|出台|通车|运行|印发|验收)$/, '');
  for (let i = 0; i < 3; i++) s = s.replace(/(前完成|之前|以前|前|完成|为止|止)$/, '');
  return s;
}

/**
 * Parses a whole deadline cell or label value ("5月", "6月底前", "2024年底", "三季度", "长期坚持",
 * "2022—2024年", "每年"). Returns null when the text is not (only) a deadline expression.
 */
export function parseDeadline(text: string, ctx: DeadlineContext): ParsedDeadline | null {
  const raw = text.trim();
  if (!raw || raw.length > 30) return null;
  const s = clean(raw);
  if (!s) return null;
  const out = (date: string | null, kind: ParsedDeadline['kind'] = 'date', recurrence: Recurrence | null = null) =>
    date ? { date, text: raw, kind, recurrence } : null;
  const year = (y: string | undefined, rel?: string) =>
    y ? Number(y) : rel === '次' || rel === '明' ? ctx.year + 1 : ctx.year;
  let m: RegExpExecArray | null;

  if (/^(长期坚持|长期|长期推进|持续推进|持续开展|持续|常态化|常态化推进|长期执行|持续实施)$/.test(s)) {
    return out(ctx.periodEnd, 'ongoing');
  }
  // "每月调度一次，11月底前完工" is a sentence, not a cell: findDeadline reads it.
  if (/[，,；;]/.test(s)) return null;
  const rec = /^(每年|每季度?|每月|月月|按月|按季度?|按年|一季度一|每半年|逐年|每年度)/.test(s) ? detectRecurrence(s) ?? 'yearly' : null;
  if (rec) return out(ctx.periodEnd, 'recurring', rec);

  // 2022—2024年, 2022-2024, (2022——2024年)
  if ((m = RANGE_RE.exec(s))) {
    return out(isoDate(Number(m[2]), 12, 31));
  }
  // 2024年, 到2024年, 2024年底, 2024年12月, 2024年6月30日, 2024年年底
  if ((m = /^(?:到|至)?(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?(年底|年末|底|末|上旬|中旬|下旬)?$/.exec(s))) {
    const y = Number(m[1]);
    if (!m[2]) return out(isoDate(y, 12, 31));
    return out(monthDay(y, Number(m[2]), m[3], m[4]));
  }
  // 5月, 12月底, 6月30日, 次年3月, 十二月
  if ((m = MONTH_RE.exec(s))) {
    const mo = parseNumber(m[2]);
    const d = m[3] ? parseNumber(m[3]) : null;
    if (mo === null) return null;
    return out(monthDay(year(undefined, m[1]), mo, d === null ? undefined : String(d), m[4]));
  }
  // 年底, 年内, 全年, 2024年底 handled above; 年中 = mid-year.
  if ((m = /^(?:(\d{4})年|(本|今|当|次|明)年)?(年底|年末|年内|全年|年中|底|末|年度|内)$/.exec(s))) {
    const y = year(m[1], m[2]);
    return out(m[3] === '年中' ? isoDate(y, 6, 30) : isoDate(y, 12, 31));
  }
  if ((m = /^(?:(\d{4})年|(本|今|当|次|明)年)?(上半年|下半年)(末|底)?$/.exec(s))) {
    const y = year(m[1], m[2]);
    return out(m[3] === '上半年' ? isoDate(y, 6, 30) : isoDate(y, 12, 31));
  }
  // 三季度, 第一季度末, 2024年第二季度, 前三季度
  if ((m = /^(?:(\d{4})年|(本|今|当|次|明)年)?(?:第|前)?([一二三四1-4])季度(末|底)?$/.exec(s))) {
    const q = parseNumber(m[3]);
    if (!q || q > 4) return null;
    return out(lastDayOfMonth(year(m[1], m[2]), q * 3));
  }
  // ISO-like 2024-06-30, 2024/6, 2024.06
  if ((m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(s))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return out(m[3] ? validDate(y, mo, Number(m[3])) : mo >= 1 && mo <= 12 ? lastDayOfMonth(y, mo) : null);
  }
  return null;
}

function monthDay(y: number, mo: number, day: string | undefined, part: string | undefined): string | null {
  if (mo < 1 || mo > 12) return null;
  if (day) return validDate(y, mo, Number(day));
  if (part === '上旬') return isoDate(y, mo, 10);
  if (part === '中旬' || part === '中') return isoDate(y, mo, 20);
  return lastDayOfMonth(y, mo);
}

/**
 * Finds a deadline phrase inside running text. Only phrases marked as a deadline (…前, …底前,
 * …完成, 完成时限:…) count: a bare "到2024年达到1300亿元" is an indicator's horizon, not a due date.
 */
export function findDeadline(text: string, ctx: DeadlineContext): ParsedDeadline | null {
  const labelled = (text.includes(':') || text.includes('：')) && /(?:完成时限|完成时间|时间节点|时限要求|办结时限|完成期限|时间安排|进度安排|办理时限|截止时间)\s*[:：]\s*([^；;。，,\n)）]{1,30})/.exec(text);
  if (labelled) {
    const d = parseDeadline(labelled[1], ctx);
    if (d) return d;
  }
  const leading = leadingDeadline(text, ctx);
  let best: ParsedDeadline | null = null;
  for (const phrase of deadlinePhrases(text)) {
    const d = parseDeadline(phrase, ctx);
    if (d && (!best || d.date > best.date)) best = d;
  }
  return best ?? leading;
}

const LEADING_RE = new RegExp(
  `^(?:[(（]?\\d{1,2}[)）.．、]|[①-⑳])?\\s*((?:\\d{4}年)?(?:(?:次|明|本|今)年)?(?:${N}月(?:${N}日)?(?:底|末|上旬|中旬|下旬)?|年底|年末|年内|上半年|下半年|第?[一二三四]季度末?))(?=[\\u4e00-\\u9fa5])`,
);

/**
 * A step that opens with its time ("上半年完成乡镇全覆盖", "①3月底完成摸底") is dated by it, as
 * 督办 offices read such lists. A year alone ("2024年，全市…") is context, not a deadline.
 */
function leadingDeadline(text: string, ctx: DeadlineContext): ParsedDeadline | null {
  const m = LEADING_RE.exec(text.trim());
  if (!m || /^(度|份|以来|来|期间|起)/.test(text.trim().slice(m[0].length))) return null;
  return parseDeadline(m[1], ctx);
}
