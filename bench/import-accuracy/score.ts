// Scores parsed plans against the hand-labelled gold file of the corpus (libs/importer/test/fixtures/corpus).
// Kept apart from the CLI so the speed bench and the tests can reuse the matching rules.
import type { ParsedPlan, Task } from '@app/importer';
import type { GoldDoc, GoldItem } from '../../libs/importer/test/fixtures/corpus/gold';

export type { GoldDoc, GoldItem } from '../../libs/importer/test/fixtures/corpus/gold';

export const FIELDS = ['items', 'deadline', 'lead', 'responsible', 'assisting', 'title', 'year'] as const;
export type Field = (typeof FIELDS)[number];

/** True positives, false positives, false negatives of one field. */
export interface Count {
  tp: number;
  fp: number;
  fn: number;
}
export type Scores = Record<Field, Count>;

export function emptyScores(): Scores {
  return Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Scores;
}

export function addScores(a: Scores, b: Scores): Scores {
  const out = emptyScores();
  for (const f of FIELDS) out[f] = { tp: a[f].tp + b[f].tp, fp: a[f].fp + b[f].fp, fn: a[f].fn + b[f].fn };
  return out;
}

/** Width, spaces and bracket shapes do not make two names different. */
export function norm(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[〔［【]/g, '[')
    .replace(/[〕］】]/g, ']')
    .replace(/[“”"「」]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[〈<]/g, '《')
    .replace(/[〉>]/g, '》')
    .replace(/[—–―－]/g, '-');
}

function taskText(t: Task): string {
  return norm([t.title, t.content, ...t.steps.map((s) => s.text)].join('\n'));
}

/** Gold items matched to parsed tasks by their key text, in document order. */
export function matchItems(gold: GoldItem[], tasks: Task[]): (Task | null)[] {
  const used = new Set<Task>();
  return gold.map((g) => {
    const key = norm(g.key);
    const t = tasks.find((x) => !used.has(x) && taskText(x).includes(key)) ?? null;
    if (t) used.add(t);
    return t;
  });
}

function unitSet(list: string[]): Set<string> {
  return new Set(list.map(norm));
}

function countSets(c: Count, predicted: string[], gold: string[]): void {
  const p = unitSet(predicted);
  const g = unitSet(gold);
  for (const x of p) {
    if (g.has(x)) c.tp++;
    else c.fp++;
  }
  for (const x of g) if (!p.has(x)) c.fn++;
}

/** Scores one document; `plan` is null when the import failed (everything gold is missed). */
export function scoreDoc(doc: GoldDoc, plan: ParsedPlan | null): Scores {
  const s = emptyScores();
  const tasks = plan?.tasks ?? [];
  const matched = matchItems(doc.items, tasks);
  const matchedSet = new Set(matched.filter((t): t is Task => t !== null));
  s.items.tp = matchedSet.size;
  s.items.fn = doc.items.length - matchedSet.size;
  const spurious = tasks.filter((t) => !matchedSet.has(t));
  s.items.fp = spurious.length;

  doc.items.forEach((g, i) => {
    const t = matched[i];
    if (g.deadline !== null) {
      if (t && t.deadline === g.deadline) s.deadline.tp++;
      else {
        s.deadline.fn++;
        if (t) s.deadline.fp++;
      }
    }
    for (const [field, key] of [
      ['lead', 'leadUnits'],
      ['responsible', 'responsibleUnits'],
      ['assisting', 'assistingUnits'],
    ] as const) {
      const gold = g[field];
      if (gold === null) continue;
      countSets(s[field], t ? t[key] : [], gold);
    }
  });
  // A task the document does not have is wrong in every field it fills.
  for (const t of spurious) {
    s.deadline.fp++;
    s.lead.fp += t.leadUnits.length;
    s.responsible.fp += t.responsibleUnits.length;
    s.assisting.fp += t.assistingUnits.length;
  }

  if (doc.title !== null) {
    const ok = plan !== null && doc.title.map(norm).includes(norm(plan.plan.title));
    if (ok) s.title.tp++;
    else {
      s.title.fn++;
      if (plan?.plan.title) s.title.fp++;
    }
  }
  if (doc.year !== null) {
    if (plan && plan.plan.year === doc.year) s.year.tp++;
    else {
      s.year.fn++;
      if (plan) s.year.fp++;
    }
  }
  return s;
}

export const precision = (c: Count) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Count) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
