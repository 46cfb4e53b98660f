import { addDays, daysInMonth, diffDays, formatIsoDate, IsoDate, isoWeekday } from './calendar-date';
import { CalendarDay } from './holiday-calendar';

/** One holiday of the notice as read: its rest days and the 调休 weekend days worked for it. */
export interface NoticeHoliday {
  name: string;
  from: IsoDate;
  to: IsoDate;
  days: number;
  workdays: IsoDate[];
}

export interface NoticeReading {
  year: number;
  holidays: NoticeHoliday[];
  /** Every day read, as calendar rows (source 'notice'), in date order. */
  days: CalendarDay[];
}

/** A notice that cannot be read safely; `problems` names each one in Chinese. */
export class NoticeError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('；'));
  }
}

const TITLE_YEAR = /关于\s*(\d{4})\s*年\s*部分节假日安排/;
/** "二、春节：" opens a holiday; its text runs to the next such heading. */
const SECTION = /(?:^|[\n。；])\s*[一二三四五六七八九十]+\s*[、.．]\s*([^：:\n]{1,20})[：:]/g;
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\s*[（(]([^）)]*)[）)])?/g;
const WEEKDAYS = '一二三四五六日';

interface DateRef {
  date: IsoDate | null;
  note: string | undefined;
  text: string;
}

/** Reads the dates of a sentence; a date without a month takes the month (and year) of the one before it. */
function datesIn(sentence: string, year: number): DateRef[] {
  const out: DateRef[] = [];
  let y = year;
  let month: number | null = null;
  for (const m of sentence.matchAll(DATE)) {
    if (m[1]) y = Number(m[1]);
    if (m[2]) month = Number(m[2]);
    const day = Number(m[3]);
    const valid = month !== null && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(y, month);
    out.push({ date: valid ? formatIsoDate(y, month as number, day) : null, note: m[4], text: m[0] });
  }
  return out;
}

/** "（周日）", "（星期日）", "（农历正月初七、周一）": the weekday the notice names must be the date's. */
function weekdayProblem(ref: DateRef, where: string): string | null {
  const named = ref.note?.match(/(?:周|星期)([一二三四五六日天])/);
  if (!named || !ref.date) return null;
  const expected = named[1] === '天' ? 7 : WEEKDAYS.indexOf(named[1]) + 1;
  const actual = isoWeekday(ref.date);
  return expected === actual ? null : `${where}：${ref.text} 是星期${WEEKDAYS[actual - 1]}，与通知所写不符（年份对吗？）`;
}

/**
 * Reads the State Council's annual notice (国务院办公厅关于XXXX年部分节假日安排的通知): each
 * "X、节日：M月D日至D日放假调休，共N天。M月D日（星期日）上班。" becomes holiday rows for the rest
 * days and workday rows for the 调休 working days. `year` is needed when the text has no title.
 * Throws NoticeError naming every problem; nothing partial is returned.
 */
export function readHolidayNotice(text: string, year?: number): NoticeReading {
  const titled = text.match(TITLE_YEAR);
  const y = titled ? Number(titled[1]) : year;
  if (!y) throw new NoticeError(['找不到年份：请粘贴含标题“国务院办公厅关于XXXX年部分节假日安排的通知”的全文，或指定年份']);
  if (y < 1900 || y > 2999) throw new NoticeError([`年份 ${y} 无效`]);
  if (year && titled && Number(titled[1]) !== year) throw new NoticeError([`通知标题是 ${titled[1]} 年，与指定的 ${year} 年不符`]);

  const heads = [...text.matchAll(SECTION)];
  if (!heads.length) throw new NoticeError(['没有读到任何节日：应有“一、元旦：1月1日放假……”这样的条目']);
  const problems: string[] = [];
  const holidays: NoticeHoliday[] = [];
  heads.forEach((h, i) => {
    const name = h[1].trim();
    const body = text.slice((h.index ?? 0) + h[0].length, i + 1 < heads.length ? heads[i + 1].index : undefined);
    const holiday = readSection(name, body, y, problems);
    if (holiday) holidays.push(holiday);
  });

  const days = new Map<IsoDate, CalendarDay>();
  for (const h of holidays) {
    for (let d = h.from; d <= h.to; d = addDays(d, 1)) add(days, { date: d, kind: 'holiday', name: h.name, source: 'notice' }, problems, y);
    for (const d of h.workdays) add(days, { date: d, kind: 'workday', name: h.name, source: 'notice' }, problems, y);
  }
  if (problems.length) throw new NoticeError(problems);
  return { year: y, holidays, days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

function add(days: Map<IsoDate, CalendarDay>, day: CalendarDay, problems: string[], year: number): void {
  // A holiday may reach into the year before (元旦 from 30 December), never further.
  if (Math.abs(Number(day.date.slice(0, 4)) - year) > 1) return void problems.push(`「${day.name}」的 ${day.date} 不在 ${year} 年前后`);
  const before = days.get(day.date);
  if (before) problems.push(`${day.date} 同时出现在「${before.name}」和「${day.name}」中`);
  else days.set(day.date, day);
}

function readSection(name: string, body: string, year: number, problems: string[]): NoticeHoliday | null {
  const sentences = body.split(/[。；;\n]/).map((s) => s.trim()).filter(Boolean);
  const rest = sentences.find((s) => s.includes('放假'));
  if (!rest) {
    problems.push(`${name}：没有读到放假日期`);
    return null;
  }
  const [start, end] = datesIn(rest, year);
  if (!start?.date) {
    problems.push(`${name}：“${rest}”中没有有效的放假日期`);
    return null;
  }
  // "至6日" has no month: datesIn carried the start's month over; a range is one "至" apart.
  const to = end && /至/.test(rest.slice(rest.indexOf(start.text) + start.text.length, rest.indexOf(end.text))) ? end : start;
  if (!to.date) {
    problems.push(`${name}：“${rest}”的结束日期无效`);
    return null;
  }
  const length = diffDays(start.date, to.date) + 1;
  if (length < 1 || length > 15) problems.push(`${name}：${start.date} 至 ${to.date} 不是有效的放假区间`);
  const total = rest.match(/共\s*(\d+)\s*天/) ?? rest.match(/放假\s*(\d+)\s*天/);
  if (total && Number(total[1]) !== length) problems.push(`${name}：${start.date} 至 ${to.date} 是 ${length} 天，通知写“共${total[1]}天”`);
  for (const ref of [start, to]) {
    const p = weekdayProblem(ref, name);
    if (p) problems.push(p);
  }

  const workdays: IsoDate[] = [];
  for (const s of sentences.filter((x) => x.includes('上班'))) {
    for (const ref of datesIn(s, year)) {
      const p = weekdayProblem(ref, name);
      if (p) problems.push(p);
      if (!ref.date) problems.push(`${name}：${ref.text} 不是有效日期`);
      else if (isoWeekday(ref.date) <= 5) problems.push(`${name}：${ref.date}（${ref.text}）不是周末，不能是调休上班日`);
      else workdays.push(ref.date);
    }
  }
  return { name, from: start.date, to: to.date, days: length, workdays };
}
