import { stripChrome } from './chrome';
import { finalizeTask, type FinalizeContext, type TaskDraft } from './drafts';
import { isoDate } from './deadlines';
import { ImportError, MAX_CHARS } from './errors';
import { findHeaderRuns, forgetUnitCells, readFlatTables } from './flat-table';
import { findGrids } from './grid-lines';
import { joinWrapped, splitRunOn } from './line-shape';
import { simplifiedView, type ScriptView } from './script';
import { extractIndicators, findIndicators } from './indicators';
import { readOutline, type TargetDraft } from './outline';
import { buildPlanContext, findBodyStart, skipNotice } from './plan-context';
import { readSheets, type Sheet } from './table-rows';
import { toLines } from './text';
import { forgetUnitLists } from './units';
import type { ImportWarning, Line, ParsedPlan, Target, Task } from './types';

export interface ParseOptions {
  fileName?: string;
  /** The text was read by OCR: a table's row number may be missing (a lone digit tesseract dropped). */
  scanned?: boolean;
}

/** 主要目标 paragraphs become one target per clause that carries a quantity. */
function buildTargets(drafts: TargetDraft[]): Target[] {
  const out: Target[] = [];
  for (const d of drafts) {
    if (!d.paragraph) {
      out.push({ code: d.code ?? String(out.length + 1), text: d.text, indicators: extractIndicators(d.text) });
      continue;
    }
    // Split on ；;，, but read indicators on the whole paragraph so a leading "2021年," still dates them.
    const clauses: { text: string; from: number; to: number }[] = [];
    const re = /[^；;，,。]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(d.text))) clauses.push({ text: m[0].trim(), from: m.index, to: m.index + m[0].length });
    const all = findIndicators(d.text);
    for (const c of clauses) {
      const inds = all.filter((a) => a.index >= c.from && a.index < c.to).map((a) => a.indicator);
      if (inds.length > 0) out.push({ code: String(out.length + 1), text: c.text, indicators: inds });
    }
  }
  return out;
}

function uniqueCodes(tasks: Task[], warnings: ImportWarning[], lines: number[]): void {
  const seen = new Map<string, number>();
  tasks.forEach((t, i) => {
    const key = `${t.group ?? ''}|${t.code}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) {
      warnings.push({ line: lines[i], message: `编号 ${t.code} 重复，改为 ${t.code}#${n}` });
      t.code = `${t.code}#${n}`;
    }
  });
}

const FIVE_YEAR_END: Record<string, number> = { 三: 2020, 四: 2025, 五: 2030 };

/**
 * Captions inside the body that give the items after them a period of their own: "政府工作报告“十四五”时期"
 * above a list runs its items to 2025 even in a 2021 document. A later short caption naming a year
 * ("政府工作报告2021年重点工作责任分解") closes it (end null: the plan's own period again).
 */
function periodCaptions(lines: Line[]): { line: number; end: number | null }[] {
  const out: { line: number; end: number | null }[] = [];
  for (const l of lines) {
    if (l.text.length > 40 || /[，,。；;：:]/.test(l.text)) continue;
    const five = /十([三四五])五[”"]?(?:时期|期间)/.exec(l.text);
    if (five) out.push({ line: l.no, end: FIVE_YEAR_END[five[1]] });
    else if (out.length > 0 && /(?:19|20)\d{2}年/.test(l.text)) out.push({ line: l.no, end: null });
  }
  return out;
}

/** The plan context an item is finished in: the plan's, or a period caption's above it. */
function itemContext(ctx: FinalizeContext, captions: { line: number; end: number | null }[], line: number): FinalizeContext {
  let end: number | null = null;
  for (const c of captions) if (c.line < line) end = c.end;
  const { plan } = ctx;
  if (end === null || end <= plan.year || end - plan.year >= 6 || `${end}-12-31` <= plan.periodEnd) return ctx;
  const periodEnd = isoDate(end, 12, 31);
  return { ...ctx, plan: { ...plan, periodEnd }, deadlines: { ...ctx.deadlines, periodEnd } };
}

function finish(
  top: Line[],
  body: Line[],
  drafts: TaskDraft[],
  targets: TargetDraft[],
  meta: Parameters<typeof buildPlanContext>[2],
  opts: ParseOptions,
  warnings: ImportWarning[],
): ParsedPlan {
  const context = buildPlanContext(top, body, meta, warnings, opts.fileName);
  const usable = drafts.filter((d) => d.title || d.contentParts.length > 0);
  if (usable.length === 0) {
    throw new ImportError('no_items', '文档中没有可识别的责任事项（编号条目、任务表格）', { line: body[0]?.no ?? top[1]?.no ?? top[0]?.no ?? 1 });
  }
  const ctx = { plan: context.plan, deadlines: context.deadlines, warnings };
  const captions = periodCaptions([...top, ...body]);
  const tasks = usable.map((d) => {
    if (!d.title) d.title = d.contentParts[0]?.slice(0, 60) ?? d.code;
    return finalizeTask(d, itemContext(ctx, captions, d.line));
  });
  uniqueCodes(tasks, warnings, usable.map((d) => d.line));
  warnings.sort((a, b) => a.line - b.line);
  return { plan: context.plan, targets: buildTargets(targets), tasks, warnings };
}

/** "一、10件民生实事任务分解表" above a table, "2. …任务分解表" in an 附件 list: a caption, not a task. */
function dropCaptions(drafts: TaskDraft[]): TaskDraft[] {
  return drafts.filter(
    (d) => !(/(表|清单|台账|一览表)$/.test(d.title) && d.title.length <= 40 && d.lead.length + d.responsible.length + d.assisting.length === 0),
  );
}

/** Traditional-script documents were read in Simplified: give the supervisor the document's own words back. */
function restoreScript(p: ParsedPlan, view: ScriptView, firstLine: number): ParsedPlan {
  if (!view.traditional) return p;
  const r = view.restore;
  p.plan.title = r(p.plan.title);
  for (const t of p.tasks) {
    t.title = r(t.title);
    t.content = r(t.content);
    t.goal = t.goal === null ? null : r(t.goal);
    t.section = t.section === null ? null : r(t.section);
    t.deadlineText = t.deadlineText === null ? null : r(t.deadlineText);
    for (const s of t.steps) s.text = r(s.text);
  }
  for (const t of p.targets) t.text = r(t.text);
  for (const w of p.warnings) if (w.text) w.text = r(w.text);
  p.warnings.unshift({
    line: firstLine,
    message: '文档为繁体字：单位、时限按简体识别（单位名称用简体），标题和内容保留原文',
    field: 'script',
  });
  return p;
}

/** The core: plain text of a plan (txt, text of an HTML page, text of a docx) → ParsedPlan. */
export function parsePlanText(text: string, opts: ParseOptions = {}): ParsedPlan {
  if (typeof text !== 'string') throw new ImportError('unreadable', '输入不是文本');
  if (text.length > MAX_CHARS) throw new ImportError('too_large', `文本超过 ${MAX_CHARS} 个字符`);
  forgetUnitLists();
  forgetUnitCells();
  const view = simplifiedView(text);
  const all = toLines(view.text);
  if (all.length === 0) throw new ImportError('empty', '文档为空');
  const stripped = stripChrome(all);
  const meta = stripped.meta;
  const lines = splitRunOn(stripped.lines);
  if (lines.length === 0) throw new ImportError('empty', '文档只有网页框架，没有正文', { line: all[0].no });
  const bodyStart = findBodyStart(lines);
  const top = lines.slice(0, bodyStart);
  const { lines: body, grids } = findGrids(skipNotice(top, lines.slice(bodyStart), meta, opts.fileName));
  const warnings: ImportWarning[] = [];
  const done = (p: ParsedPlan) => restoreScript(p, view, all[0].no);

  if (grids.length > 0) {
    // Row-per-line tables ("序号 | 事项 | 责任单位 |"): read by column, like a spreadsheet.
    const before = readOutline(joinWrapped(body.slice(0, grids[0].at)));
    before.tasks = dropCaptions(before.tasks);
    const drafts = grids.flatMap((g) => {
      const read = readSheets([g.sheet]);
      for (const d of read.drafts) d.line = g.lineNos[d.line - 1] ?? d.line;
      return read.drafts;
    });
    return done(finish(top, body, [...before.tasks, ...drafts], before.targets, meta, opts, warnings));
  }
  const runs = findHeaderRuns(body);
  if (runs.length > 0) {
    // Text before the first table may still hold 主要目标 and numbered items of its own.
    const before = readOutline(joinWrapped(body.slice(0, runs[0].start)));
    before.tasks = dropCaptions(before.tasks);
    const context = buildPlanContext(top, body, meta, [], opts.fileName);
    const tableDrafts = readFlatTables(body, runs, context.deadlines, { numberSkips: opts.scanned ? 2 : 0 });
    return done(finish(top, body, [...before.tasks, ...tableDrafts], before.targets, meta, opts, warnings));
  }
  const outline = readOutline(joinWrapped(body));
  return done(finish(top, body, outline.tasks, outline.targets, meta, opts, warnings));
}

/** Spreadsheet path: rows with a header → tasks; the rows above the header name the plan. */
export function parsePlanSheets(sheets: Sheet[], opts: ParseOptions = {}): ParsedPlan {
  const read = readSheets(sheets);
  const warnings: ImportWarning[] = [];
  if (read.drafts.length === 0) {
    const first = sheets.find((s) => s.rows.some((r) => r.some((c) => c.trim())));
    if (!first) throw new ImportError('empty', '表格为空');
    throw new ImportError('no_items', '表格中没有找到表头（序号/责任事项/具体工作内容/完成时限…）或任务行', {
      cell: `${first.name}!A1`,
    });
  }
  const meta = { publishedAt: null, issuer: null, source: null, docNumber: null };
  return finish(read.top, [], read.drafts, [], meta, opts, warnings);
}
