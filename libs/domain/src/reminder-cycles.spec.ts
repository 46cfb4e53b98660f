import fc from 'fast-check';
import { addDays } from './calendar-date';
import { dueAtFor, minutesOfDay, shanghaiDate } from './due-time';
import { isDayOrMore, parseIsoDuration } from './iso-duration';
import { computeReminders, PlannedReminder, ScheduleInput, ScheduleTask } from './reminder-schedule';
import { base, cal, ch, policyOf, sh, taskT1 } from '../test/reminder-schedule.fixture';

/**
 * Builds the inputs of one describe block: this task and these unit parts under one policy step (the
 * supervisor urged the day after the deadline), plus what the block fixes; each case patches the rest.
 */
const inputsFor =
  (task: ScheduleTask, assignments: ScheduleInput['assignments'], fixed: Partial<ScheduleInput> = {}) =>
  (patch: Partial<ScheduleInput> = {}): ScheduleInput =>
    base({ task, assignments, policy: policyOf(['P1D', 'urge', 'supervisor']), ...fixed, ...patch });

describe('computeReminders: acknowledgement (签收)', () => {
  const ackInput = inputsFor(taskT1('2025-12-31', 'assigned', '2025-09-30T10:00'), [
    { unitId: 'L', role: 'lead', status: 'assigned' },
    { unitId: 'R1', role: 'responsible', status: 'acknowledged' },
    { unitId: 'R2', role: 'responsible', status: 'assigned', assignedAt: sh('2025-10-13T15:00') },
  ]);
  const acks = (rs: PlannedReminder[]) =>
    rs.filter((r) => r.reason === 'acknowledgement').map((r) => [r.key, r.dueAt, r.kind, r.noticeLevel]);

  it('remind on the working day before the deadline, urge the unit head at the deadline; holidays skipped', () => {
    expect(acks(computeReminders(ackInput(), sh('2025-10-01T00:00')))).toEqual([
      // Assigned 09-30: working days after are 10-09, 10-10, 10-11 → remind 10-10 09:00, due 10-11 18:00
      ['T1:-:ack.remind:lead:L', sh('2025-10-10T09:00'), 'remind', 'blue'],
      ['T1:-:ack.urge:unit_head:L', sh('2025-10-11T18:00'), 'urge', 'yellow'],
      // R2 assigned Monday 10-13: 10-14, 10-15, 10-16
      ['T1:-:ack.remind:responsible:R2', sh('2025-10-15T09:00'), 'remind', 'blue'],
      ['T1:-:ack.urge:unit_head:R2', sh('2025-10-16T18:00'), 'urge', 'yellow'],
    ]);
  });

  it('acknowledgementDueWorkdays is configurable; with 1 day the reminder comes that morning', () => {
    expect(acks(computeReminders(ackInput({ acknowledgementDueWorkdays: 1 }), sh('2025-10-01T00:00'))).slice(0, 2)).toEqual([
      ['T1:-:ack.remind:lead:L', sh('2025-10-09T09:00'), 'remind', 'blue'],
      ['T1:-:ack.urge:unit_head:L', sh('2025-10-09T18:00'), 'urge', 'yellow'],
    ]);
  });

  it('acknowledged units get none', () => {
    const rs = computeReminders(ackInput(), sh('2025-10-01T00:00'));
    expect(rs.filter((r) => r.reason === 'acknowledgement' && r.unitId === 'R1')).toEqual([]);
  });
});

describe('computeReminders: progress-report cycles', () => {
  const cycleInput = inputsFor(
    taskT1('2026-12-31', 'in_progress', '2026-03-02T10:00'),
    [
      { unitId: 'L', role: 'lead', status: 'in_progress' },
      { unitId: 'R1', role: 'responsible', status: 'acknowledged' },
      { unitId: 'R2', role: 'responsible', status: 'submitted' },
      { unitId: 'A1', role: 'assisting', status: 'in_progress' },
      { unitId: 'N', role: 'responsible', status: 'assigned' },
    ],
    { progressCycle: { kind: 'weekly', weekday: 5 }, lastProgressAt: { L: sh('2026-03-10T11:00'), R1: sh('2026-03-05T11:00') } },
  );
  const cycles = (rs: PlannedReminder[]) => rs.filter((r) => r.reason === 'progress_cycle').map((r) => [r.key, r.dueAt, r.kind]);

  it('weekly: remind before the next report day; urge units that did not report in the last period', () => {
    // now Wed 03-18: the last report day was Fri 03-13 (period from Fri 03-06 18:00), the next is Fri 03-20
    expect(cycles(computeReminders(cycleInput(), sh('2026-03-18T10:00')))).toEqual([
      ['T1:-:cycle.overdue.2026-03-13:unit_head:R1', sh('2026-03-16T09:00'), 'urge'],
      ['T1:-:cycle.remind.2026-03-20:responsible:L', sh('2026-03-20T09:00'), 'remind'],
      ['T1:-:cycle.remind.2026-03-20:responsible:R1', sh('2026-03-20T09:00'), 'remind'],
    ]);
  });

  it('a report after the report day clears the overdue urge', () => {
    const rs = computeReminders(cycleInput({ lastProgressAt: { L: sh('2026-03-10T11:00'), R1: sh('2026-03-16T11:00') } }), sh('2026-03-18T10:00'));
    expect(cycles(rs).filter(([, , kind]) => kind === 'urge')).toEqual([]);
  });

  it('the first period starts when the task was created', () => {
    // now Tue 03-10: the only past report day is 03-06; L never reported, R1 reported 03-05
    const rs = computeReminders(cycleInput({ lastProgressAt: { R1: sh('2026-03-05T11:00') } }), sh('2026-03-10T10:00'));
    expect(cycles(rs).filter(([, , kind]) => kind === 'urge').map(([key]) => key)).toEqual(['T1:-:cycle.overdue.2026-03-06:unit_head:L']);
  });

  it('monthly on the 1st: October 1st moves back to 09-30; the urge waits for the first day after the holiday', () => {
    const input = cycleInput({
      task: taskT1('2025-12-31', 'in_progress', '2025-08-15T10:00'),
      progressCycle: { kind: 'monthly', day: 1 },
      lastProgressAt: { L: sh('2025-09-20T10:00'), R1: sh('2025-09-20T10:00') },
    });
    expect(cycles(computeReminders(input, sh('2025-09-25T10:00'))).map(([k, d]) => [k, d])).toEqual([
      ['T1:-:cycle.remind.2025-10-01:responsible:L', sh('2025-09-30T09:00')],
      ['T1:-:cycle.remind.2025-10-01:responsible:R1', sh('2025-09-30T09:00')],
    ]);
    const later = computeReminders({ ...input, lastProgressAt: { L: sh('2025-10-09T10:00') } }, sh('2025-10-09T12:00'));
    expect(cycles(later).filter(([, , k]) => k === 'urge').map(([k, d]) => [k, d])).toEqual([
      ['T1:-:cycle.overdue.2025-10-01:unit_head:R1', sh('2025-10-09T09:00')],
    ]);
  });

  it('no cycle reminders at or after the task deadline', () => {
    const input = cycleInput({ task: taskT1('2026-03-20', 'in_progress', '2026-03-02T10:00') });
    expect(cycles(computeReminders(input, sh('2026-03-18T10:00'))).filter(([, , k]) => k === 'remind')).toEqual([]);
  });

  it('no cycle reminders without a cycle', () => {
    expect(cycles(computeReminders(cycleInput({ progressCycle: null }), sh('2026-03-18T10:00')))).toEqual([]);
  });
});

describe('computeReminders: properties', () => {
  const dayOffsets = ['-P30D', '-P14D', '-P7D', '-P3D', '-P2D', '-P1D', 'P1D', 'P2D', 'P3D', 'P5D', 'P7D', 'P10D', '-P1DT4H', 'PT24H'];
  const anyOffset = fc.constantFrom(...dayOffsets, 'PT0S', 'PT5S', '-PT2H', 'PT30M');
  const anyKind = fc.constantFrom('remind' as const, 'urge' as const, 'escalate' as const);
  const anyAudience = fc.constantFrom('responsible' as const, 'lead' as const, 'unit_head' as const, 'supervisor' as const, 'leader' as const);
  const anyStep = fc.record({ offset: anyOffset, kind: anyKind, audience: anyAudience, channels: fc.constant([...ch]) });
  // Any instant from 2024 through 2026, the years chinese-days knows.
  const anyInstant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 10, 30) }).map((ms) => new Date(ms));
  const anyAssignment = fc.record({
    unitId: fc.constantFrom('U1', 'U2', 'U3'),
    role: fc.constantFrom('lead' as const, 'responsible' as const, 'assisting' as const),
    status: fc.constantFrom('assigned' as const, 'acknowledged' as const, 'in_progress' as const, 'submitted' as const),
  });
  const anyInput = fc.record({
    dueAt: anyInstant,
    steps: fc.array(anyStep, { minLength: 1, maxLength: 8 }),
    stepDues: fc.array(anyInstant, { maxLength: 3 }),
    assignments: fc.array(anyAssignment, { minLength: 1, maxLength: 4 }),
    cycle: fc.constantFrom(null, { kind: 'weekly' as const, weekday: 6 }, { kind: 'monthly' as const, day: 1 }, { kind: 'quarterly' as const }),
    now: anyInstant,
  });
  type Generated = Omit<typeof anyInput extends fc.Arbitrary<infer T> ? T : never, 'now'>;
  /** Which reminders the 09:00-on-a-workday rule covers: day-or-more policy offsets, ack reminders, cycles. */
  const isDayLevel = (r: PlannedReminder): boolean => {
    const source = r.key.split(':')[2];
    if (r.reason === 'deadline') return isDayOrMore(parseIsoDuration(source.replace(/\.\w+$/, '')));
    return source !== 'ack.urge';
  };
  const toInput = (x: Generated): ScheduleInput => ({
    task: { id: 'T', dueAt: x.dueAt, status: 'in_progress', createdAt: new Date(Date.UTC(2023, 11, 1)) },
    steps: x.stepDues.map((d, i) => ({ id: `S${i}`, dueAt: d, status: 'open' })),
    assignments: x.assignments,
    policy: { steps: x.steps.map((s) => ({ ...s, channels: [...s.channels] })) },
    calendar: cal,
    progressCycle: x.cycle,
    lastProgressAt: {},
  });

  it('every day-or-more reminder lands on a working day at exactly 09:00 Shanghai', () => {
    let checked = 0;
    fc.assert(
      fc.property(anyInput, (x) => {
        const input = toInput(x);
        for (const r of computeReminders(input, x.now)) {
          if (!isDayLevel(r)) continue;
          expect(cal.isWorkday(shanghaiDate(r.dueAt))).toBe(true);
          expect(minutesOfDay(r.dueAt)).toBe(9 * 60);
          checked++;
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(300); // the generator really exercises the rule
  });

  it('keys are unique and every reminder is well-formed', () => {
    fc.assert(
      fc.property(anyInput, (x) => {
        const rs = computeReminders(toInput(x), x.now);
        expect(new Set(rs.map((r) => r.key)).size).toBe(rs.length);
        for (const r of rs) {
          expect(r.key.startsWith(`T:${r.stepId ?? '-'}:`)).toBe(true);
          expect(r.key.endsWith(`:${r.audience}:${r.unitId ?? '-'}`)).toBe(true);
          expect(r.noticeLevel).toBe({ remind: 'blue', urge: 'yellow', escalate: 'red' }[r.kind]);
          expect(Number.isNaN(r.dueAt.getTime())).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('deadline reminders before the deadline are never after it; overdue ones never before it', () => {
    fc.assert(
      fc.property(anyInput, (x) => {
        for (const r of computeReminders(toInput(x), x.now)) {
          if (r.reason !== 'deadline' || r.stepId !== null) continue;
          const offset = r.key.split(':')[2].replace(/\.\w+$/, '');
          if (offset.startsWith('-')) expect(r.dueAt.getTime()).toBeLessThanOrEqual(x.dueAt.getTime());
          else expect(r.dueAt.getTime()).toBeGreaterThanOrEqual(x.dueAt.getTime());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('recomputing with a later now never changes a deadline reminder', () => {
    fc.assert(
      fc.property(anyInput, anyInstant, (x, later) => {
        const pick = (rs: PlannedReminder[]) => rs.filter((r) => r.reason === 'deadline').map((r) => [r.key, r.dueAt.getTime()]);
        expect(pick(computeReminders(toInput(x), later))).toEqual(pick(computeReminders(toInput(x), x.now)));
      }),
      { numRuns: 100 },
    );
  });

  it('sanity: the property generator does produce day-level reminders on a holiday-adjacent date', () => {
    const rs = computeReminders(toInput({ dueAt: dueAtFor('2025-10-01'), steps: [{ offset: '-P1D', kind: 'remind', audience: 'supervisor', channels: ch }], stepDues: [], assignments: [], cycle: null }), sh('2025-01-01T00:00'));
    expect(rs.map((r) => r.dueAt)).toEqual([sh('2025-09-30T09:00')]);
    expect(addDays('2025-09-30', 1)).toBe('2025-10-01');
  });
});
