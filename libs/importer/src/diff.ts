import type { ParsedPlan, Task } from './types';

export interface TaskChange {
  code: string;
  before: Task;
  after: Task;
  fields: string[];
}

export interface PlanDiff {
  added: Task[];
  removed: Task[];
  changed: TaskChange[];
}

const FIELDS: (keyof Task)[] = [
  'code', 'section', 'title', 'content', 'goal', 'deadline', 'deadlineText', 'leadUnits',
  'responsibleUnits', 'assistingUnits', 'steps', 'indicators', 'recurrence',
];

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const t = s.replace(/\s/g, '');
  for (let i = 0; i < t.length - 1; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Dice coefficient over character bigrams: robust to small edits in Chinese titles. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let overlap = 0;
  let total = 0;
  for (const [k, n] of x) {
    overlap += Math.min(n, y.get(k) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * overlap) / total;
}

const SIMILAR = 0.6;

/**
 * What a revised document changes: tasks are matched by group+code first, then (for renumbered
 * items) by title similarity; the rest are added or removed.
 */
export function diffPlans(previous: ParsedPlan, next: ParsedPlan): PlanDiff {
  const key = (t: Task) => `${t.group ?? ''}|${t.code}`;
  const before = new Map(previous.tasks.map((t) => [key(t), t]));
  const pairs: [Task, Task][] = [];
  const unmatchedNext: Task[] = [];
  for (const t of next.tasks) {
    const old = before.get(key(t));
    if (old && similarity(old.title, t.title) >= 0.3) {
      pairs.push([old, t]);
      before.delete(key(t));
    } else unmatchedNext.push(t);
  }
  const added: Task[] = [];
  for (const t of unmatchedNext) {
    let best: Task | null = null;
    let bestScore = SIMILAR;
    for (const old of before.values()) {
      const s = similarity(old.title, t.title);
      if (s >= bestScore) {
        best = old;
        bestScore = s;
      }
    }
    if (best) {
      pairs.push([best, t]);
      before.delete(key(best));
    } else added.push(t);
  }
  const changed: TaskChange[] = [];
  for (const [a, b] of pairs) {
    const fields = FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
    if (fields.length > 0) changed.push({ code: b.code, before: a, after: b, fields });
  }
  return { added, removed: [...before.values()], changed };
}
