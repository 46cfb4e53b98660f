import {
  acknowledgementDueAt,
  ASSIGNMENT_STATUSES,
  AssignmentPart,
  isAcknowledgementOverdue,
  leadOverview,
  progressError,
  transitionAssignment,
  worstLight,
} from './assignment-state';
import { cal } from '../test/chinese-days.fixture';
import { sh } from '../test/shanghai';

describe('assignment status', () => {
  // The whole machine: every move from any status to any status, refused unless listed here.
  const allowed = [
    'assigned → acknowledged',
    'acknowledged → in_progress',
    'acknowledged → submitted',
    'in_progress → submitted',
    'submitted → in_progress',
  ];
  const everyMove = ASSIGNMENT_STATUSES.flatMap((from) => ASSIGNMENT_STATUSES.map((to) => [from, to] as const));
  it.each(everyMove)('%s → %s', (from, to) => {
    expect(transitionAssignment(from, to).ok).toBe(allowed.includes(`${from} → ${to}`));
  });

  it('names the allowed targets when refusing', () => {
    const r = transitionAssignment('assigned', 'submitted');
    expect(r).toEqual({ ok: false, allowed: ['acknowledged'], message: 'cannot go from assigned to submitted; allowed: acknowledged' });
  });

  it.each([
    [0, null],
    [100, null],
    [55, null],
    [-1, 'progress must be a whole number from 0 to 100'],
    [101, 'progress must be a whole number from 0 to 100'],
    [12.5, 'progress must be a whole number from 0 to 100'],
    ['50', 'progress must be a whole number from 0 to 100'],
  ])('progressError(%p)', (p, want) => {
    expect(progressError(p)).toBe(want);
  });
});

describe('acknowledgement (签收) deadline', () => {
  it('is the end of the 3rd working day after assignment, skipping holidays', () => {
    // Assigned Tue 2025-09-30: working days after are 10-09, 10-10, 10-11 (Saturday 调休).
    expect(acknowledgementDueAt(sh('2025-09-30T10:00'), cal)).toEqual(sh('2025-10-11T18:00'));
    expect(acknowledgementDueAt(sh('2025-09-30T10:00'), cal, 1)).toEqual(sh('2025-10-09T18:00'));
  });

  it('rejects zero or fractional working days', () => {
    expect(() => acknowledgementDueAt(sh('2025-09-30T10:00'), cal, 0)).toThrow(/>= 1/);
  });

  it.each([
    [{ status: 'assigned' as const, assignedAt: sh('2025-09-30T10:00') }, sh('2025-10-11T18:00'), false],
    [{ status: 'assigned' as const, assignedAt: sh('2025-09-30T10:00') }, sh('2025-10-11T18:01'), true],
    [{ status: 'acknowledged' as const, assignedAt: sh('2025-09-30T10:00'), acknowledgedAt: sh('2025-10-13T09:00') }, sh('2025-10-20T09:00'), true],
    [{ status: 'acknowledged' as const, assignedAt: sh('2025-09-30T10:00'), acknowledgedAt: sh('2025-10-10T09:00') }, sh('2025-10-20T09:00'), false],
  ])('late acknowledgement is itself overdue (%#)', (a, now, want) => {
    expect(isAcknowledgementOverdue(a, now, cal)).toBe(want);
  });
});

describe('lead overview', () => {
  const item = { startAt: sh('2026-01-01T09:00'), dueAt: sh('2026-12-31T18:00'), now: sh('2026-07-01T09:00'), calendar: cal };
  const parts: AssignmentPart[] = [
    { unitId: 'lead', role: 'lead', status: 'in_progress', progress: 60 },
    { unitId: 'r1', role: 'responsible', status: 'in_progress', progress: 20 },
    { unitId: 'r2', role: 'responsible', status: 'submitted', progress: 100 },
    { unitId: 'a1', role: 'assisting', status: 'acknowledged', progress: 0 },
  ];

  it('shows every part with its own light and rolls up the rest', () => {
    const o = leadOverview(parts, item);
    expect(o.parts.map((p) => [p.unitId, p.light])).toEqual([
      ['lead', 'green'],
      ['r1', 'yellow'],
      ['r2', 'none'],
      ['a1', 'yellow'],
    ]);
    expect(o.progress).toBe(60); // (60 + 20 + 100) / 3, assisting not averaged
    expect(o.readyToSubmit).toBe(false);
    expect(o.light).toBe('yellow');
  });

  it('is ready to submit when every lead and responsible part is submitted', () => {
    const done = parts.map((p) => (p.role === 'assisting' ? p : { ...p, status: 'submitted' as const, progress: 100 }));
    expect(leadOverview(done, item).readyToSubmit).toBe(true);
  });

  it('worstLight ranks red over yellow over green over none', () => {
    expect(worstLight(['green', 'red', 'yellow'])).toBe('red');
    expect(worstLight(['none', 'green'])).toBe('green');
    expect(worstLight([])).toBe('none');
  });
});
