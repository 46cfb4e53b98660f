import type { ParsedPlan, Task } from '../src/types';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The importer's contract, the part every parsed plan keeps whatever the document: ISO dates, unit
 * lists, at least one task, no task code twice in a group. `perTask` adds a suite's own checks of
 * each task (the golden documents ask more of a task than shuffled ones can).
 */
export function expectPlanContract(p: ParsedPlan, perTask: (t: Task) => void = () => {}): void {
  expect(p.plan.periodStart).toMatch(ISO_DATE);
  expect(p.plan.periodEnd).toMatch(ISO_DATE);
  expect(p.tasks.length).toBeGreaterThan(0);
  const codes = new Set<string>();
  for (const t of p.tasks) {
    expect(t.deadline).toMatch(ISO_DATE);
    expect(Array.isArray(t.leadUnits)).toBe(true);
    expect(Array.isArray(t.responsibleUnits)).toBe(true);
    expect(Array.isArray(t.assistingUnits)).toBe(true);
    for (const s of t.steps) expect(s.deadline).toMatch(ISO_DATE);
    perTask(t);
    const key = `${t.group}|${t.code}`;
    expect(codes.has(key)).toBe(false);
    codes.add(key);
  }
}
