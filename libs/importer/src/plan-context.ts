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

function titleOf(top: Line[], fileName?: string): string {
  const first = top.find((l) => l.text.length >= 4 && !/^\d{4}[—–-]/.test(l.text));
  let title = first?.text ?? fileName?.replace(/\.[^.]+$/, '') ?? '';
  // "关于印发《X》的通知": the plan is X.
  const inner = /^关于(?:印发|下发|转发)?《(.+)》的通知$/.exec(title);
  if (inner) title = inner[1];
  return title.slice(0, 200);
}

const YEAR_RANGE = /(\d{4})\s*(?:年)?\s*[—–\-―~～至到]+\s*(\d{4})/;

/** "市科技局2019年工作要点" → 市科技局; "武汉市创新发展…" → 武汉市人民政府. */
function issuerFromTitle(title: string): { unit: string | null; place: string | null } {
  const t = title.replace(/^关于(印发|下发)?/, '');
  const unit = /^([\u4e00-\u9fa5]{2,20}?(?:局|委|办|厅|管委会|政府|委员会|中心))(?=\d|关于|《|[\u4e00-\u9fa5]*(?:要点|方案|计划|清单|意见))/.exec(t);
  if (unit && looksLikeUnit(unit[1]) && !/年|工作/.test(unit[1])) return { unit: unit[1], place: null };
  const place = /^(?:\d{4}年?)?((?:全|本)?[\u4e00-\u9fa5]{1,6}?(?:省|市|县|区|自治州|州))/.exec(t);
  return { unit: null, place: place && !/^(全|本)/.test(place[1]) ? place[1] : null };
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
  const title = titleOf(top, fileName);
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
  } else if (meta.publishedAt) {
    startYear = endYear = Number(meta.publishedAt.slice(0, 4));
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
    fromTitle.unit ??
    (fromTitle.place ? `${fromTitle.place}人民政府` : null) ??
    (meta.source && looksLikeUnit(meta.source) ? meta.source : null) ??
    '';
  const plan: PlanInfo = {
    title,
    issuer,
    year: startYear,
    publishedAt: meta.publishedAt,
    docNumber: meta.docNumber,
    periodStart: isoDate(startYear, 1, 1),
    periodEnd: isoDate(endYear, 12, 31),
  };
  return { plan, deadlines: { year: startYear, periodStart: plan.periodStart, periodEnd: plan.periodEnd } };
}
