import type { PageMeta } from './chrome';
import type { DeadlineContext } from './deadlines';
import { isoDate } from './deadlines';
import { isGridHeader } from './grid-lines';
import { classifyHeading, columnRole } from './headings';
import type { ImportWarning, Line, PlanInfo } from './types';
import { looksLikeUnit } from './units';

/** Index of the first body line: a heading, a table header or a real paragraph. */
export function findBodyStart(lines: Line[]): number {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (classifyHeading(t)) return i;
    if (columnRole(t) && i + 1 < lines.length && columnRole(lines[i + 1].text)) return i;
    if (isGridHeader(t)) return i;
    if (t.length >= 40 && /[，,。；;！]/.test(t)) return i;
  }
  return lines.length;
}

const DOC_NO_LINE = /^[\u4e00-\u9fa5]{1,12}\s*[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号$/;
const DOC_NO_AT_START = /^[\u4e00-\u9fa5]{1,12}\s*[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号\s*/;
const DOC_WORD = /(通知|方案|计划|要点|清单|意见|台账|办法|规划|任务|分工|安排|函|决定|报告|细则|措施|分解|分解表|一览表|进度表|事项)/;

/** A red-head line: only the issuing unit's name ("中共株洲市委办公室"), above the title. */
function isRedHead(t: string): boolean {
  return t.length <= 30 && looksLikeUnit(t) && !DOC_WORD.test(t) && !/\d/.test(t);
}

interface TitleInfo {
  title: string;
  /** A unit named by the title area: the red head, or "X关于印发《…》的通知". */
  unit: string | null;
}

/** "【市政府重点工作】X", "X-某某门户网站", "京政办发〔2016〕26号《X》", "X的通知0": page dressing around a title. */
function cleanTitle(t: string): string {
  let s = t
    .replace(/^【[^】]{1,30}】/, '')
    .replace(DOC_NO_AT_START, '')
    .replace(/[-_—|｜]\s*[\u4e00-\u9fa5]{2,20}(门户网站|网站|政府网|人民政府网)$/, '')
    .replace(/(通知|意见|方案|要点|决定)\d{1,2}$/, '$1')
    .trim();
  if (/^《.+》$/.test(s) && !/》.*《/.test(s.slice(1, -1))) s = s.slice(1, -1);
  // Spaces between characters are layout ("河南省人民政府 关于明确…"), never part of a title.
  return s.replace(/(?<=[\u4e00-\u9fa5《》〈〉“”])\s+(?=[\u4e00-\u9fa5《》〈〉“”\d])/g, '').replace(/(?<=\d)\s+(?=[\u4e00-\u9fa5])/g, '');
}

/** The first balanced 《…》 (or 〈…〉, <…>) at or after `from`, inner brackets kept. */
function firstBracketed(s: string, from = 0): string | null {
  const open = s.slice(from).search(/[《〈<]/);
  if (open < 0) return null;
  let depth = 0;
  for (let i = from + open; i < s.length; i++) {
    if (/[《〈<]/.test(s[i])) depth++;
    else if (/[》〉>]/.test(s[i]) && --depth === 0) return s.slice(from + open + 1, i);
  }
  return null;
}

/** 〈〉 and <> inside a title are the book-title marks of a nested name: 《〈政府工作报告〉…》 reads 《政府工作报告》…. */
function bookMarks(s: string): string {
  return s.replace(/[〈<]/g, '《').replace(/[〉>]/g, '》');
}

/** "X关于印发《Y》的通知", "关于印发Y的通知", "省政府印发Y通知": the plan is Y. */
function issuedPlan(t: string): { plan: string; unit: string | null } | null {
  const m = /^(?:([\u4e00-\u9fa5]{2,30}?)\s*)?(?:关于)?(?:印发|下发|转发)(?:了)?(.+?)的?通知$/.exec(t);
  if (!m) return null;
  const unit = m[1] && looksLikeUnit(m[1]) ? m[1] : null;
  const inner = /^[《〈<]/.test(m[2]) ? firstBracketed(m[2]) : null;
  const plan = inner ?? m[2];
  return plan.length >= 4 ? { plan: bookMarks(plan), unit } : null;
}

const NOTICE_SENTENCE = /(?:现将|将)\s*[《〈<](?=[^。]*印发)|[》〉>]\s*(?:[(（][^)）]{0,20}[)）])?\s*(?:和[《〈<][^》〉>]+[》〉>]\s*)?(?:已经|已|经)/;

/** "现将《X》印发给你们", "《X》已经市政府同意": a notice names its plan even when no title line is left. */
function planInNotice(body: Line[]): string | null {
  for (const l of body.slice(0, 15)) {
    const m = NOTICE_SENTENCE.exec(l.text);
    if (!m) continue;
    const inner = firstBracketed(l.text, /^(?:现将|将)/.test(m[0]) ? m.index : Math.max(0, l.text.lastIndexOf('《', m.index)));
    if (inner && inner.length >= 6 && DOC_WORD.test(inner)) return bookMarks(inner.replace(/\s+/g, ''));
  }
  return null;
}

/** The plan's own heading: a short line naming a document just before its first item or table. */
function planHeading(lines: Line[]): string | null {
  // A table's caption sits right above its header row; otherwise look above the first heading.
  const table = lines.findIndex((l, i) => isGridHeader(l.text) || (columnRole(l.text) !== null && columnRole(lines[i + 1]?.text ?? '') !== null));
  const first = table >= 0 ? table : lines.findIndex((l) => classifyHeading(l.text) || columnRole(l.text) || isGridHeader(l.text));
  for (let i = first - 1; i >= Math.max(0, first - 4); i--) {
    const t = lines[i].text;
    if (t.length >= 6 && t.length <= 50 && !/[，,。；;：:]/.test(t) && DOC_WORD.test(t)) return cleanTitle(t);
  }
  return null;
}

function isTitleCandidate(t: string): boolean {
  return (
    t.length >= 4 &&
    !/^\d{4}[—–-]/.test(t) &&
    !DOC_NO_LINE.test(t) &&
    !/^\d{4}年\d{1,2}月\d{1,2}日$/.test(t) &&
    !/[:：]$/.test(t) && // "各区人民政府，市政府各部门：" addresses, never titles
    !/^[(（]此件/.test(t) &&
    !/^(发布|来源|时间|日期|编辑|作者|浏览|点击|访问)/.test(t)
  );
}

// The title is looked for before the notice is skipped and again for the plan: read it once per document.
const titles = new WeakMap<Line[], TitleInfo>();

function titleOf(top: Line[], body: Line[], fileName?: string, metaTitle?: string | null): TitleInfo {
  const known = titles.get(top);
  if (known) return known;
  const info = readTitle(top, body, fileName, metaTitle);
  titles.set(top, info);
  return info;
}

function readTitle(top: Line[], body: Line[], fileName?: string, metaTitle?: string | null): TitleInfo {
  // A page's 名称 metadata names the document: the first candidate, before the lines themselves.
  const named = metaTitle && DOC_WORD.test(metaTitle) ? [{ no: top[0]?.no ?? 1, text: metaTitle }] : [];
  const candidates = [...named, ...top].filter((l) => isTitleCandidate(l.text));
  const redHead = candidates.length > 1 && isRedHead(candidates[0].text) ? candidates[0].text : null;
  const rest = (redHead ? candidates.slice(1) : candidates).map((l) => cleanTitle(l.text));
  // A "关于…的通知" line is the title even when a spaced "督 办 通 知" or the like precedes it.
  const about = rest.slice(0, 10).find((t) => /^(?:[\u4e00-\u9fa5]{2,30}?)?关于.+[的之](通知|意见|函|决定|批复|报告)$/.test(t));
  const issued = rest.slice(0, 10).map(issuedPlan).find((x) => x !== null) ?? null;
  let unit = redHead;
  let title: string | null;
  if (about) {
    const plan = issuedPlan(about);
    title = plan?.plan ?? about;
    const prefix = /^([\u4e00-\u9fa5]{2,30}?)关于/.exec(about);
    if (prefix && looksLikeUnit(prefix[1])) unit = unit ?? prefix[1];
  } else if (issued) {
    title = issued.plan;
    unit = unit ?? issued.unit;
  } else if (rest[0] && DOC_WORD.test(rest[0])) {
    title = rest[0];
  } else {
    // No title line (a body copied alone, a news page): the notice's 《X》, the plan's own heading,
    // or a document that starts on its first line ("河南省人民政府 关于…的通知 豫政〔2023〕5号 现将…").
    const opening = body[0] ? /^(.{4,80}?(?:的通知|的意见|的决定))/.exec(body[0].text) : null;
    title = (top.length === 0 && opening ? cleanTitle(opening[1]) : null) ?? planInNotice(body) ?? planHeading([...top, ...body]) ?? rest[0] ?? null;
  }
  title = title ?? fileName?.replace(/\.[^.]+$/, '') ?? '';
  return { title: title.slice(0, 200), unit };
}

/** The signature date of a notice ("2025年3月10日" alone on a line) when the page gave none. */
function signatureDate(lines: Line[]): string | null {
  for (const l of lines) {
    const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(l.text);
    if (m && Number(m[2]) <= 12 && Number(m[3]) <= 31) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

// OCR reads a long dash (——) as underscores or 一 ("2022__2024年"): they join a range too.
const YEAR_RANGE = /(\d{4})\s*(?:年)?\s*(?:[—–\-―~～至到_]|一(?=\s*\d{4}))+\s*(\d{4})/;

/** The year in the document number "粤府〔2021〕22号", from the page metadata or the title area. */
function docYear(meta: PageMeta, top: Line[]): number | null {
  const src = [meta.docNumber ?? '', ...top.map((l) => l.text)].join('\n');
  const m = /[〔[［(（]\s*((?:19|20)\d{2})\s*[〕\]］)）]\s*\d+\s*号/.exec(src);
  return m ? Number(m[1]) : null;
}

/** "市科技局2019年工作要点" → 市科技局; "武汉市创新发展…" → 武汉市人民政府. */
function issuerFromTitle(title: string): { unit: string | null; place: string | null } {
  const t = title.replace(/^关于(印发|下发)?/, '');
  const unit = /^([\u4e00-\u9fa5]{2,20}?(?:局|委|办|厅|管委会|政府|委员会|中心))(?=\d|关于|《|[\u4e00-\u9fa5]*(?:要点|方案|计划|清单|意见))/.exec(t);
  if (unit && looksLikeUnit(unit[1]) && !/年|工作/.test(unit[1])) return { unit: unit[1], place: null };
  const place = /^(?:\d{4}年)?((?:全|本)?[\u4e00-\u9fa5]{1,6}?(?:省|市|县|区|自治州|州))/.exec(t);
  const ok = place && !/^(全|本|年|中共)/.test(place[1]) && place[1].length >= 2 && !/[年度季月]/.test(place[1]);
  return { unit: null, place: ok && place ? place[1] : null };
}

const squash = (t: string) => bookMarks(t.normalize('NFKC').replace(/\s+/g, ''));

/**
 * A notice ("一、各责任单位要高度重视…二、…") followed by the plan it issues, headed by the plan's
 * title: the notice's own numbered requirements are not tasks, so the plan starts at its heading.
 */
export function skipNotice(top: Line[], body: Line[], meta: PageMeta, fileName?: string): Line[] {
  const title = squash(titleOf(top, body, fileName, meta.title).title);
  if (title.length < 6) return body;
  const tail = title.slice(-2);
  const k = body.findIndex(
    (l, i) => i > 0 && l.text.length >= title.length && l.text.length <= title.length + 40 && l.text.includes(tail) && squash(cleanTitle(l.text)) === title,
  );
  if (k <= 0 || !body.slice(0, k).some((l) => classifyHeading(l.text))) return body;
  return body.slice(k);
}

export interface PlanContext {
  plan: PlanInfo;
  deadlines: DeadlineContext;
}

export function buildPlanContext(
  top: Line[],
  body: Line[],
  meta: PageMeta,
  warnings: ImportWarning[],
  fileName?: string,
): PlanContext {
  const info = titleOf(top, body, fileName, meta.title);
  const title = info.title;
  const publishedAt = meta.publishedAt ?? signatureDate([...top, ...body]);
  const topText = [title, ...top.map((l) => l.text)].join('\n');
  let startYear: number | null = null;
  let endYear: number | null = null;
  const range = YEAR_RANGE.exec(topText);
  const single = /(\d{4})\s*年?/.exec(title);
  if (range && Number(range[2]) > Number(range[1]) && Number(range[2]) - Number(range[1]) < 20) {
    startYear = Number(range[1]);
    endYear = Number(range[2]);
  } else if (single && Number(single[1]) >= 1990 && Number(single[1]) <= 2100) {
    startYear = endYear = Number(single[1]);
  } else if (docYear(meta, top) !== null) {
    startYear = endYear = docYear(meta, top);
  } else if (publishedAt) {
    startYear = endYear = Number(publishedAt.slice(0, 4));
  } else {
    const inBody = /((?:19|20)\d{2})年/.exec(body.map((l) => l.text).join('\n'));
    if (inBody) startYear = endYear = Number(inBody[1]);
  }
  // A "十四五" plan runs to 2025 (a "十三五" one to 2020) from the year it was issued.
  const fiveYear = /[“"]?十([三四五])五[”"]?/.exec(title);
  if (fiveYear && !range && startYear !== null) {
    const end = { 三: 2020, 四: 2025, 五: 2030 }[fiveYear[1] as '三' | '四' | '五'];
    if (end >= startYear && end - startYear < 6) endYear = end;
  }
  if (startYear === null || endYear === null) {
    // Nothing dates the plan; the current year is a guess the supervisor must check.
    startYear = endYear = new Date().getFullYear();
    warnings.push({ line: top[0]?.no ?? body[0]?.no ?? 1, message: `文档未写明年度，按 ${startYear} 年处理`, field: 'year', text: title });
  }

  const fromTitle = issuerFromTitle(title);
  const issuer =
    meta.issuer ??
    info.unit ??
    fromTitle.unit ??
    // 来源 "长沙市市场监督管理局" for "长沙市2025年市场监管工作要点": the named source beats a guess.
    (meta.source && fromTitle.place && meta.source.startsWith(fromTitle.place) && looksLikeUnit(meta.source) ? meta.source : null) ??
    (fromTitle.place ? `${fromTitle.place}人民政府` : null) ??
    (meta.source && looksLikeUnit(meta.source) ? meta.source : null) ??
    '';
  const plan: PlanInfo = {
    title,
    issuer,
    year: startYear,
    publishedAt,
    docNumber: meta.docNumber,
    periodStart: isoDate(startYear, 1, 1),
    periodEnd: isoDate(endYear, 12, 31),
  };
  return { plan, deadlines: { year: startYear, periodStart: plan.periodStart, periodEnd: plan.periodEnd } };
}
