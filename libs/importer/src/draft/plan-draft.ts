import { readDeadlineInput } from '../deadline-input';
import type { ParsedPlan, Task } from '../types';

/**
 * The supervisor's corrections of an import preview, applied to the plan as read. Pure: the caller
 * loads the plan and the units an edit names, and stores what comes back. Every message is for the
 * supervisor, in Chinese, naming the item and the field.
 */

export type UnitListField = 'leadUnits' | 'responsibleUnits' | 'assistingUnits';

export type DraftEdit =
  /** A name the directory does not know is this directory unit (remembered as its alias on commit). */
  | { op: 'mapUnit'; name: string; unitId: string }
  /** A name the directory does not know becomes a new unit (under `unitName`, default the proposal). */
  | { op: 'createUnit'; name: string; unitName: string }
  | { op: 'setTask'; code: string; title?: string; deadline?: string; leadUnits?: string[]; responsibleUnits?: string[]; assistingUnits?: string[] }
  | { op: 'dropTask'; code: string }
  /** The items `codes` become part of item `into` (content, steps, units, indicators; the later deadline). */
  | { op: 'mergeTasks'; into: string; codes: string[] };

export type UnitMapping = { unitId: string; unitName: string } | { create: string };

export type CorrectedField = 'title' | 'deadline' | UnitListField | 'dropped' | 'merged' | 'unit';

/** One correction by hand; `code` is the item (null for a unit mapping, which names `name`). */
export interface Correction {
  code: string | null;
  field: CorrectedField;
  name?: string;
  before: unknown;
  after: unknown;
}

export interface PlanDraft {
  plan: ParsedPlan;
  corrections: Correction[];
  /** Name as the document writes it → what the supervisor said it is. */
  mappings: Record<string, UnitMapping>;
}

export class DraftEditError extends Error {
  override readonly name = 'DraftEditError';
  constructor(
    readonly code: string | null,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const UNIT_FIELDS: UnitListField[] = ['leadUnits', 'responsibleUnits', 'assistingUnits'];
const FIELD_NAMES: Record<UnitListField, string> = { leadUnits: '牵头单位', responsibleUnits: '责任单位', assistingUnits: '配合单位' };

/** Every distinct unit name the plan's items use, in order of first mention. */
export function unitNamesOf(plan: ParsedPlan): string[] {
  const names = new Set<string>();
  for (const t of plan.tasks) for (const f of UNIT_FIELDS) for (const n of t[f]) names.add(n);
  return [...names];
}

/**
 * Applies `edits` in order to a copy of the draft; the first invalid edit throws DraftEditError and
 * nothing of the batch is kept. `units` gives the name of every unit id the edits map onto (an id
 * missing from it is not a unit).
 */
export function applyDraftEdits(draft: PlanDraft, edits: DraftEdit[], units: ReadonlyMap<string, string>): PlanDraft {
  // JSON data in and out (it is stored as jsonb); a JSON copy also stays in the caller's realm.
  const next: PlanDraft = JSON.parse(JSON.stringify(draft));
  for (const edit of edits) apply(next, edit, units);
  return next;
}

function apply(d: PlanDraft, e: DraftEdit, units: ReadonlyMap<string, string>): void {
  switch (e.op) {
    case 'mapUnit': {
      const name = knownName(d, e.name);
      const unitName = units.get(e.unitId);
      if (!unitName) throw new DraftEditError(null, 'unitId', `单位「${e.unitId}」不存在`);
      record(d, { code: null, field: 'unit', name, before: d.mappings[name] ?? null, after: { unitId: e.unitId, unitName } });
      d.mappings[name] = { unitId: e.unitId, unitName };
      return;
    }
    case 'createUnit': {
      const name = knownName(d, e.name);
      const unitName = e.unitName.trim();
      if (!unitName) throw new DraftEditError(null, 'unitName', `新单位「${name}」的名称不能为空`);
      record(d, { code: null, field: 'unit', name, before: d.mappings[name] ?? null, after: { create: unitName } });
      d.mappings[name] = { create: unitName };
      return;
    }
    case 'setTask':
      return setTask(d, e);
    case 'dropTask': {
      const t = task(d, e.code);
      if (d.plan.tasks.length === 1) throw new DraftEditError(e.code, 'code', `事项 ${e.code} 是最后一个事项，不能删除`);
      d.plan.tasks = d.plan.tasks.filter((x) => x !== t);
      record(d, { code: e.code, field: 'dropped', before: t.title, after: null });
      return;
    }
    case 'mergeTasks':
      return merge(d, e.into, e.codes);
    default: {
      const never: never = e;
      throw new DraftEditError(null, 'op', `无法识别的修改「${(never as { op: string }).op}」`);
    }
  }
}

function setTask(d: PlanDraft, e: Extract<DraftEdit, { op: 'setTask' }>): void {
  const t = task(d, e.code);
  if (e.title !== undefined) {
    const title = e.title.trim();
    if (!title) throw new DraftEditError(e.code, 'title', `事项 ${e.code} 的标题不能为空`);
    if (title.length > 500) throw new DraftEditError(e.code, 'title', `事项 ${e.code} 的标题超过 500 字`);
    if (title !== t.title) {
      record(d, { code: e.code, field: 'title', before: t.title, after: title });
      t.title = title;
    }
  }
  if (e.deadline !== undefined) {
    const { date, text, recurrence } = readDeadline(d.plan, e.code, e.deadline);
    if (date !== t.deadline || text !== t.deadlineText) {
      record(d, { code: e.code, field: 'deadline', before: { deadline: t.deadline, deadlineText: t.deadlineText }, after: { deadline: date, deadlineText: text } });
      t.deadline = date;
      t.deadlineText = text;
      if (recurrence) t.recurrence = recurrence;
    }
  }
  for (const f of UNIT_FIELDS) {
    const list = e[f];
    if (list === undefined) continue;
    const names = [...new Set(list.map((n) => n.trim()))];
    if (names.some((n) => !n || n.length > 200)) throw new DraftEditError(e.code, f, `事项 ${e.code} 的${FIELD_NAMES[f]}有空白或过长的名称`);
    if (f === 'leadUnits' && names.length === 0) throw new DraftEditError(e.code, f, `事项 ${e.code} 须有牵头单位`);
    if (names.join('\n') !== t[f].join('\n')) {
      record(d, { code: e.code, field: f, before: t[f], after: names });
      t[f] = names;
    }
  }
}

/** An ISO date, or a deadline as documents write it ("9月底前", "三季度", "2025年底"), in the plan's year. */
function readDeadline(plan: ParsedPlan, code: string, raw: string): { date: string; text: string | null; recurrence: Task['recurrence'] } {
  const p = plan.plan;
  const read = readDeadlineInput(raw, { year: p.year, periodStart: p.periodStart, periodEnd: p.periodEnd });
  if (read) return read;
  throw new DraftEditError(code, 'deadline', `事项 ${code} 的完成时限「${raw.trim()}」无法识别（可写 2025-09-30、9月底前、三季度、年底前）`);
}

function merge(d: PlanDraft, into: string, codes: string[]): void {
  const target = task(d, into);
  if (codes.length === 0) throw new DraftEditError(into, 'codes', `合并到事项 ${into} 时须指明要并入的事项`);
  const seen = new Set<string>();
  const parts = codes.map((c) => {
    if (c === into || seen.has(c)) throw new DraftEditError(c, 'codes', `事项 ${c} 不能重复合并或并入自身`);
    seen.add(c);
    return task(d, c);
  });
  const before = { title: target.title, deadline: target.deadline };
  for (const p of parts) {
    const text = p.content.includes(p.title) ? p.content : [p.title, p.content].filter(Boolean).join('\n');
    target.content = [target.content, text].filter(Boolean).join('\n');
    target.goal = [target.goal, p.goal].filter(Boolean).join('\n') || null;
    target.steps.push(...p.steps);
    target.indicators.push(...p.indicators);
    for (const f of UNIT_FIELDS) for (const n of p[f]) if (!target[f].includes(n)) target[f].push(n);
    // The merged item is done when both parts are: it is due at the later deadline.
    if (p.deadline > target.deadline) {
      target.deadline = p.deadline;
      target.deadlineText = p.deadlineText;
    }
    target.recurrence ??= p.recurrence;
  }
  d.plan.tasks = d.plan.tasks.filter((t) => !parts.includes(t));
  record(d, { code: into, field: 'merged', before, after: { merged: codes, deadline: target.deadline } });
}

function task(d: PlanDraft, code: string): Task {
  const t = d.plan.tasks.find((x) => x.code === code);
  if (!t) throw new DraftEditError(code, 'code', `事项 ${code} 不存在（可能已删除或已合并）`);
  return t;
}

function knownName(d: PlanDraft, raw: string): string {
  const name = raw.trim();
  if (!unitNamesOf(d.plan).includes(name)) throw new DraftEditError(null, 'name', `单位名称「${name}」不在本次导入的事项中`);
  return name;
}

function record(d: PlanDraft, c: Correction): void {
  d.corrections.push(c);
}

/** Item code → the fields corrected by hand, for the preview. */
export function correctedFields(corrections: readonly Correction[]): Record<string, CorrectedField[]> {
  const out: Record<string, CorrectedField[]> = {};
  for (const c of corrections) {
    if (c.code === null) continue;
    const list = (out[c.code] ??= []);
    if (!list.includes(c.field)) list.push(c.field);
  }
  return out;
}
