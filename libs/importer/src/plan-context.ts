import type { PageMeta } from './chrome';
import type { DeadlineContext } from './deadlines';
import { isoDate } from './deadlines';
import { classifyHeading, columnRole } from './headings';
import type { ImportWarning, Line, PlanInfo } from './types';
import { looksLikeUnit } from './units';

/** Index of the first body line: a heading, a table header or a real paragraph. */
export function findBodyStart(lines: Line[]): number {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (classifyHeading(t)) return i;
    if (columnRole(t) && i + 1 < lines.length && columnRole(lines[i + 1].text)) return i;
    if (t.length >= 40 && /[，,。；;！]/.test(t)) return i;
  }
  return lines.length;
}

const DOC_NO_LINE = /^[\u4e00-\u9fa5]{1,12}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号$/;
const DOC_WORD = /(通知|方案|计划|要点|清单|意见|台账|办法|规划|任务|分工|安排|函|决定|报告|细则|措施)/;

/** A red-head line: only the issuing unit's name ("中共株洲市委办公室"), above the title. */
function isRedHead(t: string): boolean {
  return t.length <= 30 && looksLikeUnit(t) && !DOC_WORD.test(t) && !/\d/.test(t);
}

interface TitleInfo {
  title: string;
  /** A unit named by the title area: the red head, or "X关于印发《…》的通知". */
  unit: string | null;
}

function titleOf(top: Line[], fileName?: string): TitleInfo {
  const candidates = top.filter(
    (l) => l.text.length >= 4 && !/^\d{4}[—–-]/.test(l.text) && !DOC_NO_LINE.test(l.text) && !/^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.text),
  );
  const redHead = candidates.length > 1 && isRedHead(candidates[0].text) ? candidates[0].text : null;
  const rest = redHead ? candidates.slice(1) : candidates;
  // A "关于…的通知" line is the title even when a spaced "督 办 通 知" or the like precedes it.
  const about = rest.slice(0, 4).find((l) => /^(?:[\u4e00-\u9fa5]{2,30}?)?关于.+[的之](通知|意见|函|决定|批复|报告)$/.test(l.text));
  const first = about ?? rest[0];
  let title = first?.text ?? fileName?.replace(/\.[^.]+$/, '') ?? '';
  let unit = redHead;
  // "关于印发《X》的通知", "某某办公厅关于印发《X》的通知": the plan is X.
  const inner = /^([\u4e00-\u9fa5]{2,30}?)?关于(?:印发|下发|转发|调整)?《(.+)》的通知$/.exec(title);
  if (inner) {
    title = inner[2];
    if (inner[1] && looksLikeUnit(inner[1])) unit = unit ?? inner[1];
  } else {
    const prefix = /^([\u4e00-\u9fa5]{2,30}?)关于/.exec(title);
    if (prefix && looksLikeUnit(prefix[1])) unit = unit ?? prefix[1];
  }
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

const YEAR_RANGE = /(\d{4})\s*(?:年)?\s*[—–\-―~～至到]+\s*(\d{4})/;

/** "市科技局2019年工作要点" → 市科技局; "武汉市创新发展…" → 武汉市人民政府. */
function issuerFromTitle(title: string): { unit: string | null; place: string | null } {
  const t = title.replace(/^关于(印发|下发)?/, '');
  const unit = /^([\u4e00-\u9fa5]{2,20}?(?:局|委|办|厅|管委会|政府|委员会|中心))(?=\d|关于|《|[\u4e00-\u9fa5]*(?:要点|方案|计划|清单|意见))/.exec(t);
  if (unit && looksLikeUnit(unit[1]) && !/年|工作/.test(unit[1])) return { unit: unit[1], place: null };
  const place = /^(?:\d{4}年)?((?:全|本)?[\u4e00-\u9fa5]{1,6}?(?:省|市|县|区|自治州|州))/.exec(t);
  const ok = place && !/^(全|本|年|中共)/.test(place[1]) && place[1].length >= 2 && !/[年度季月]/.test(place[1]);
  return { unit: null, place: ok && place ? place[1] : null };
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
  const info = titleOf(top, fileName);
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
  } else if (publishedAt) {
    startYear = endYear = Number(publishedAt.slice(0, 4));
  } else {
    const inBody = /((?:19|20)\d{2})年/.exec(body.map((l) => l.text).join('\n'));
    if (inBody) startYear = endYear = Number(inBody[1]);
  }
  if (startYear === null || endYear === null) {
    // Nothing dates the plan; the current year is a guess the supervisor must check.
    startYear = endYear = new Date().getFullYear();
    warnings.push({ line: top[0]?.no ?? body[0]?.no ?? 1, message: `文档未写明年度，按 ${startYear} 年处理` });
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
