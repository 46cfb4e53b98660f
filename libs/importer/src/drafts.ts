import { detectRecurrence, findDeadline, parseDeadline, type DeadlineContext, type ParsedDeadline } from './deadlines';
import { extractIndicators } from './indicators';
import type { ImportWarning, Indicator, PlanInfo, Step, Task } from './types';
import { findRoleTails, splitUnits } from './units';

/** A step while it is being read; its deadline may arrive before or after it (table cells). */
export interface StepDraft {
  code: string;
  text: string;
  line: number;
  deadlineText: string | null;
}

/**
 * A task as the structure readers see it, before deadlines, units and indicators are interpreted.
 * Outline, flattened-table and spreadsheet readers all produce these; `finalizeTask` is shared.
 */
export interface TaskDraft {
  code: string;
  group: string | null;
  section: string | null;
  title: string;
  line: number;
  contentParts: string[];
  goalParts: string[];
  steps: StepDraft[];
  /** Deadline texts that belong to the item itself (no step to carry them, or a label). */
  itemDeadlines: string[];
  /** Deadline cells that arrived while every step already had one: they wait for the next step. */
  pendingDeadlines: string[];
  lastDeadline: string | null;
  lead: string[];
  responsible: string[];
  assisting: string[];
  /** The issuer only assists (协助/配合 tables); the unit it assists leads. */
  issuerAssists: boolean;
  /** Read from a table with a 完成时限 column: a missing date is worth a warning. */
  expectsDeadline: boolean;
  /** People named for the item (责任领导…) and its contacts (责任人…). */
  leaders: string[];
  contacts: string[];
}

export function newDraft(code: string, line: number, init: Partial<TaskDraft> = {}): TaskDraft {
  return {
    code,
    group: null,
    section: null,
    title: '',
    line,
    contentParts: [],
    goalParts: [],
    steps: [],
    itemDeadlines: [],
    pendingDeadlines: [],
    lastDeadline: null,
    lead: [],
    responsible: [],
    assisting: [],
    issuerAssists: false,
    expectsDeadline: false,
    leaders: [],
    contacts: [],
    ...init,
  };
}

export function addStep(d: TaskDraft, code: string, text: string, line: number): void {
  const deadlineText = d.pendingDeadlines.shift() ?? null;
  d.steps.push({ code, text, line, deadlineText });
}

/**
 * A deadline cell covers the steps read since the last deadline cell (merged cells span rows).
 * When every step already has a date, the cell belongs to the next step: seed 002 item 3 lists
 * "8月", "12月" before its second step.
 */
export function addDeadlineCell(d: TaskDraft, text: string): void {
  d.lastDeadline = text;
  const open = d.steps.filter((s) => s.deadlineText === null);
  if (open.length > 0) {
    for (const s of open) s.deadlineText = text;
  } else if (d.steps.length > 0) {
    d.pendingDeadlines.push(text);
  } else {
    d.itemDeadlines.push(text);
  }
}

export interface FinalizeContext {
  plan: PlanInfo;
  deadlines: DeadlineContext;
  warnings: ImportWarning[];
}

function firstSentence(text: string): string {
  const t = text.trim();
  const m = /^(.+?)[。！？!?]/.exec(t);
  let s = m ? m[1] : t;
  if (s.length > 120) s = (/^(.+?)[；;]/.exec(s)?.[1] ?? s).slice(0, 120);
  return s.trim();
}

/** Title of an item: its first sentence, without a trailing unit tail. */
export function titleOf(text: string): string {
  let t = text.replace(/[(（]\s*(牵头单位|责任单位|牵头部门|责任部门|配合单位|完成时限)[:：].*$/, '');
  // "（省发展改革委牵头，省财政厅等按职责分工负责）" tails are units, not part of the title.
  for (const tail of findRoleTails(t).reverse()) t = t.slice(0, tail.index) + t.slice(tail.index + tail.length);
  return firstSentence(t);
}

function units(raws: string[]): { units: string[]; marked: string[] } {
  const out: string[] = [];
  const marked: string[] = [];
  for (const r of raws) {
    const list = splitUnits(r);
    for (const u of list.units) if (!out.includes(u)) out.push(u);
    marked.push(...list.marked);
  }
  return { units: out, marked };
}

// The unit starts with its level (市科技局) or a place name of any city (东湖高新区…, 某市科技局); a
// place name holds no verb or conjunction ("协助完成市科技局…" is not a place called 完成).
const ASSISTED = /(?:协助|配合|支持)((?:市|省|区|县|(?:(?![完成并配合协助支持和及与等做好推进开展落实负责的])[\u4e00-\u9fa5]){2,3}(?:市|区|县|州|高新区|开发区))[^\s，,。、；;:：()（）]{1,14}?(?:管委会|委员会|局|委|办|厅|院|中心|政府|区))/;

function dedupeIndicators(list: Indicator[]): Indicator[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const k = `${i.value}|${i.unit}|${i.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function finalizeTask(d: TaskDraft, ctx: FinalizeContext): Task {
  const { plan, warnings } = ctx;
  const content = d.contentParts.join('\n').trim();
  const goal = d.goalParts.join('\n').trim() || null;
  const allText = [d.title, content, goal ?? ''].join('\n');

  // Units.
  const lead = units(d.lead);
  const responsible = units(d.responsible);
  const assisting = units(d.assisting);
  let leadUnits = [...lead.units];
  const responsibleUnits = [...responsible.units];
  const assistingUnits = [...assisting.units];
  for (const m of [...responsible.marked, ...assisting.marked]) if (!leadUnits.includes(m)) leadUnits.push(m);
  if (d.issuerAssists) {
    const named = ASSISTED.exec(allText) ?? ASSISTED.exec(d.steps.map((s) => s.text).join('\n'));
    if (named && leadUnits.length === 0) leadUnits.push(named[1]);
    if (plan.issuer && !assistingUnits.includes(plan.issuer)) assistingUnits.push(plan.issuer);
    if (leadUnits.length === 0) warnings.push({ line: d.line, message: `协办事项「${d.title}」未写明牵头单位`, field: 'leadUnits', text: d.title });
  } else if (leadUnits.length === 0 && responsibleUnits.length > 0) {
    // "责任单位:A、B" with no 牵头: the first-named unit leads, as 督办 offices read such lists.
    leadUnits = [responsibleUnits[0]];
  } else if (leadUnits.length === 0 && responsibleUnits.length === 0) {
    if (plan.issuer) leadUnits = [plan.issuer];
    else warnings.push({ line: d.line, message: `事项「${d.title}」未写明责任单位，发文单位也未知`, field: 'leadUnits', text: d.title });
  }

  const indicators = dedupeIndicators(extractIndicators([d.title, content, goal ?? ''].filter((t) => t).join('\n')));

  // Deadlines.
  const parse = (text: string, line: number): ParsedDeadline | null => {
    const p = parseDeadline(text, ctx.deadlines) ?? findDeadline(text, ctx.deadlines);
    if (!p) {
      warnings.push({ line, message: `无法识别的完成时限「${text}」，按计划期末处理`, field: 'deadline', text });
      return null;
    }
    if (p.kind === 'ongoing') warnings.push({ line, message: `完成时限「${text}」无具体日期，按计划期末 ${plan.periodEnd} 处理`, field: 'deadline', text });
    return p;
  };
  const itemDeadlines = d.itemDeadlines.map((t) => parse(t, d.line)).filter((p): p is ParsedDeadline => p !== null);
  const fallbackText = d.lastDeadline ?? d.itemDeadlines[d.itemDeadlines.length - 1] ?? null;
  const stepDates: ParsedDeadline[] = [];
  const steps: Step[] = d.steps.map((s) => {
    const text = s.deadlineText ?? fallbackText;
    const parsed = text ? parse(text, s.line) : findDeadline(s.text, ctx.deadlines);
    if (parsed) stepDates.push(parsed);
    const deadline = parsed?.date ?? itemDeadlines[0]?.date ?? plan.periodEnd;
    if (plan.publishedAt && deadline < plan.publishedAt) {
      warnings.push({ line: s.line, message: `步骤 ${s.code} 的完成时限 ${deadline} 早于发布日期 ${plan.publishedAt}` });
    }
    return { code: s.code, text: s.text, deadline, deadlineText: parsed?.text ?? null };
  });
  const candidates = [...stepDates, ...itemDeadlines];
  if (candidates.length === 0) {
    const inText = findDeadline(allText, ctx.deadlines);
    if (inText) candidates.push(inText);
  }
  // A step with no date of its own is due with the item (plan end): the item is not done before
  // every step is, so the item's deadline is never earlier than any step's.
  if (candidates.length > 0 && steps.some((s) => s.deadlineText === null && s.deadline === plan.periodEnd)) {
    candidates.push({ date: plan.periodEnd, text: '', kind: 'date', recurrence: null });
  }
  // "2024年底前建库；到2025年培育30家" in a 2024—2026 plan: a dated target inside the plan period
  // is part of the item, so the item runs to the latest of them.
  if (candidates.length > 0) {
    for (const ind of indicators) {
      const h = ind.deadline;
      if (h && h >= plan.periodStart && h <= plan.periodEnd) {
        candidates.push({ date: h, text: `到${h.slice(0, 4)}年`, kind: 'date', recurrence: null });
      }
    }
  }
  let deadline = plan.periodEnd;
  let deadlineText: string | null = null;
  let recurrence = detectRecurrence(allText);
  if (candidates.length > 0) {
    const latest = candidates.reduce((a, b) => (b.date > a.date || (b.date === a.date && !a.text) ? b : a));
    deadline = latest.date;
    deadlineText = latest.text || null;
    recurrence = candidates.find((c) => c.recurrence)?.recurrence ?? recurrence;
  } else if (d.expectsDeadline) {
    warnings.push({ line: d.line, message: `事项「${d.title}」未填完成时限，按计划期末 ${plan.periodEnd} 处理`, field: 'deadline', text: d.title });
  }
  if (plan.publishedAt && deadline < plan.publishedAt && steps.length === 0) {
    warnings.push({ line: d.line, message: `事项「${d.title}」的完成时限 ${deadline} 早于发布日期 ${plan.publishedAt}` });
  }

  return {
    code: d.code,
    group: d.group,
    section: d.section,
    title: d.title,
    content,
    goal,
    deadline,
    deadlineText,
    leadUnits,
    responsibleUnits,
    assistingUnits,
    steps,
    indicators,
    recurrence,
    leaders: [...new Set(d.leaders)],
    contacts: [...new Set(d.contacts)],
  };
}
