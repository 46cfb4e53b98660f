import { dueAtFor } from './due-time';
import { DEFAULT_REMINDER_POLICY, ReminderPolicy } from './reminder-policy';
import { applyQuietHours, computeReminders, PlannedReminder, ScheduleInput } from './reminder-schedule';
import { TASK_STATUSES, TaskStatus } from './task-state';
import { base, ch, now, policyOf, sh, taskT1 } from '../test/reminder-schedule.fixture';

describe('computeReminders: the default policy', () => {
  it('a task due Sunday 2026-05-31 gets its 7 reminders on working days at 09:00 (exact at the deadline)', () => {
    const rs = computeReminders(base(), now);
    expect(rs.map((r) => [r.key, r.dueAt, r.kind, r.audience, r.noticeLevel])).toEqual([
      // 05-01 is Labour Day (05-01..05-05 off) → Thursday 04-30
      ['T1:-:-P30D.remind:responsible:U1', sh('2026-04-30T09:00'), 'remind', 'responsible', 'blue'],
      // 05-24 is a Sunday → Friday 05-22
      ['T1:-:-P7D.remind:responsible:U1', sh('2026-05-22T09:00'), 'remind', 'responsible', 'blue'],
      // 05-30 is a Saturday → Friday 05-29
      ['T1:-:-P1D.remind:responsible:U1', sh('2026-05-29T09:00'), 'remind', 'responsible', 'blue'],
      ['T1:-:PT0S.remind:lead:U1', sh('2026-05-31T18:00'), 'remind', 'lead', 'blue'],
      ['T1:-:P1D.urge:unit_head:U1', sh('2026-06-01T09:00'), 'urge', 'unit_head', 'yellow'],
      ['T1:-:P3D.escalate:supervisor:-', sh('2026-06-03T09:00'), 'escalate', 'supervisor', 'red'],
      ['T1:-:P7D.escalate:leader:-', sh('2026-06-09T09:00'), 'escalate', 'leader', 'red'],
    ]);
    for (const r of rs) {
      expect(r).toMatchObject({ taskId: 'T1', stepId: null, channels: ['email', 'inbox'], reason: 'deadline' });
    }
    expect(rs.find((r) => r.audience === 'supervisor')!.unitId).toBeNull();
  });

  it('is deterministic: computing twice gives equal lists', () => {
    expect(computeReminders(base(), now)).toEqual(computeReminders(base(), now));
  });

  it('a policy edited in place between two computations is read again (steps are parsed once per policy)', () => {
    const policy: ReminderPolicy = { steps: [{ offset: '-P7D', kind: 'remind', audience: 'responsible', channels: ['email'] }], quietHours: null };
    const first = computeReminders(base({ policy }), now).map((r) => r.key);
    policy.steps[0].offset = '-P5D';
    policy.steps.push({ offset: 'P1D', kind: 'urge', audience: 'unit_head', channels: ['inbox'] });
    const second = computeReminders(base({ policy }), now).map((r) => r.key);
    expect(first).toEqual(['T1:-:-P7D.remind:responsible:U1']);
    expect(second).toEqual(['T1:-:-P5D.remind:responsible:U1', 'T1:-:P1D.urge:unit_head:U1']);
  });

  /** The default policy's reminders for an item with these unit parts. */
  const withParts = (...assignments: ScheduleInput['assignments']) => computeReminders(base({ assignments }), now);

  it('fans unit audiences out to every lead/responsible unit whose part is open (not assisting ones); supervisor and leader once', () => {
    const rs = withParts(
      { unitId: 'L', role: 'lead', status: 'in_progress' },
      { unitId: 'R1', role: 'responsible', status: 'in_progress' },
      { unitId: 'R2', role: 'responsible', status: 'submitted' },
      { unitId: 'A1', role: 'assisting', status: 'acknowledged' },
    );
    const units = (source: string) => rs.filter((r) => r.key.includes(`:${source}:`)).map((r) => r.unitId).sort();
    expect(units('-P7D.remind')).toEqual(['L', 'R1']);
    expect(units('PT0S.remind')).toEqual(['L']);
    expect(units('P1D.urge')).toEqual(['L', 'R1']);
    expect(units('P3D.escalate')).toEqual([null]);
    expect(new Set(rs.map((r) => r.key)).size).toBe(rs.length);
  });

  it('when every part is submitted, unit reminders still reach the lead, which must consolidate', () => {
    const rs = withParts({ unitId: 'L', role: 'lead', status: 'submitted' }, { unitId: 'R1', role: 'responsible', status: 'submitted' });
    expect(rs.filter((r) => r.audience === 'unit_head').map((r) => r.unitId)).toEqual(['L']);
  });

  it('a task without a lead unit sends lead reminders to all its units rather than to nobody', () => {
    const rs = withParts({ unitId: 'R1', role: 'responsible', status: 'in_progress' });
    expect(rs.filter((r) => r.audience === 'lead').map((r) => r.unitId)).toEqual(['R1']);
  });
});

describe('computeReminders: holidays and working days', () => {
  const stepPolicy = policyOf(['-P1D', 'remind', 'responsible'], ['P1D', 'urge', 'unit_head'], ['P3D', 'escalate', 'supervisor']);
  const withStep = (date: string) =>
    base({
      task: taskT1('2025-12-31', 'in_progress', '2025-01-02T09:00'),
      steps: [{ id: 'S1', dueAt: dueAtFor(date), status: 'open' }],
      policy: stepPolicy,
    });
  const forStep = (rs: PlannedReminder[]) => rs.filter((r) => r.stepId === 'S1');

  it.each([
    ['2025-10-01', '-P1D', '2025-09-30T09:00', 'due on National Day: the day before is Tuesday 09-30, a working day'],
    ['2025-10-08', '-P1D', '2025-09-30T09:00', 'the day before is 10-07, a holiday → the working day before the holiday'],
    ['2025-09-29', '-P1D', '2025-09-28T09:00', 'the day before 09-29 is the Sunday 调休 workday 09-28'],
    ['2025-10-01', 'P1D', '2025-10-09T09:00', 'overdue counts working days: the first one after National Day is 10-09'],
    ['2025-10-01', 'P3D', '2025-10-11T09:00', 'the third working day after 10-01: 10-09, 10-10, 10-11 (Saturday 调休)'],
    ['2025-09-30', 'P1D', '2025-10-09T09:00', 'the first working day after 09-30 is 10-09'],
  ])('a step due %s: %s → %s Shanghai (%s)', (date, offset, want) => {
    const r = forStep(computeReminders(withStep(date), sh('2025-06-01T00:00'))).find((x) => x.key.includes(`:${offset}.`));
    expect(r).toBeDefined();
    expect(r!.dueAt).toEqual(sh(want));
    expect(r!.key.startsWith('T1:S1:')).toBe(true);
  });

  it('a completed or cancelled step gets no reminders; the task still does', () => {
    for (const status of ['completed', 'cancelled']) {
      const input = withStep('2025-10-01');
      input.steps = [{ ...input.steps![0], status }];
      const rs = computeReminders(input, sh('2025-06-01T00:00'));
      expect(forStep(rs)).toEqual([]);
      expect(rs.length).toBeGreaterThan(0);
    }
  });
});

describe('computeReminders: exact short offsets and quiet hours', () => {
  const dueAt = sh('2026-03-10T14:30:00');
  const input = (policy: ReminderPolicy) =>
    base({ task: { id: 'T1', dueAt, status: 'in_progress', createdAt: sh('2026-01-05T10:00') }, policy });

  it.each([
    ['PT5S', '2026-03-10T14:30:05'],
    ['-PT2H', '2026-03-10T12:30:00'],
    ['PT0S', '2026-03-10T14:30:00'],
    ['PT23H', '2026-03-11T13:30:00'],
  ])('%s is exact: %s', (offset, want) => {
    const [r] = computeReminders(input(policyOf([offset, 'remind', 'lead'])), now);
    expect(r.dueAt).toEqual(sh(want));
  });

  it.each([
    ['-PT16H', { start: '22:00', end: '08:00' }, '2026-03-10T08:00'], // 22:30 the evening before → next morning
    ['-PT7H', { start: '22:00', end: '08:00' }, '2026-03-10T08:00'], // 07:30 → 08:00 the same day
    ['PT8H', { start: '22:00', end: '08:00' }, '2026-03-11T08:00'], // 22:30 → the next morning
    ['-PT2H', { start: '12:00', end: '13:30' }, '2026-03-10T13:30'], // 12:30 inside a midday window
    ['-PT2H', { start: '13:00', end: '14:00' }, '2026-03-10T12:30'], // outside: unchanged
    ['-P1D', { start: '08:30', end: '09:30' }, '2026-03-09T09:30'], // a 09:00 reminder inside the window
  ])('%s with quiet hours %o → %s', (offset, quietHours, want) => {
    const [r] = computeReminders(input({ ...policyOf([offset, 'remind', 'lead']), quietHours }), now);
    expect(r.dueAt).toEqual(sh(want));
  });

  it('applyQuietHours leaves instants outside quiet hours alone and handles no policy', () => {
    const at = sh('2026-03-10T12:00');
    expect(applyQuietHours(at, null)).toBe(at);
    expect(applyQuietHours(at, { start: '22:00', end: '08:00' })).toBe(at);
  });
});

describe('computeReminders: recomputing after changes', () => {
  it('moving the deadline moves dueAt but keeps every key', () => {
    const before = computeReminders(base(), now);
    const after = computeReminders(base({ task: { ...base().task, dueAt: dueAtFor('2026-06-30') } }), now);
    expect(after.map((r) => r.key)).toEqual(before.map((r) => r.key));
    const moved = after.filter((r, i) => r.dueAt.getTime() !== before[i].dueAt.getTime());
    expect(moved).toHaveLength(before.length);
    expect(after.find((r) => r.key === 'T1:-:-P1D.remind:responsible:U1')!.dueAt).toEqual(sh('2026-06-29T09:00'));
  });

  it.each<TaskStatus>(['completed', 'cancelled', 'suspended', 'submitted'])('a %s task gets no reminders at all', (status) => {
    expect(
      computeReminders(
        base({
          task: { ...base().task, status },
          assignments: [{ unitId: 'U1', role: 'lead', status: 'assigned' }],
          progressCycle: { kind: 'weekly', weekday: 5 },
          steps: [{ id: 'S1', dueAt: dueAtFor('2026-05-15'), status: 'open' }],
        }),
        now,
      ),
    ).toEqual([]);
  });

  it.each<TaskStatus>(['assigned', 'acknowledged', 'in_progress', 'returned'])('a %s task is reminded', (status) => {
    expect(computeReminders(base({ task: { ...base().task, status } }), now).length).toBeGreaterThan(0);
  });

  it('every status is either reminded or not, never an error', () => {
    for (const status of TASK_STATUSES) expect(() => computeReminders(base({ task: { ...base().task, status } }), now)).not.toThrow();
  });

  it('reassigning a unit changes the unitIds (and so the keys) of unit reminders only', () => {
    const before = computeReminders(base(), now);
    const after = computeReminders(base({ assignments: [{ unitId: 'U2', role: 'lead', status: 'in_progress' }] }), now);
    expect(new Set(before.filter((r) => r.unitId).map((r) => r.unitId))).toEqual(new Set(['U1']));
    expect(new Set(after.filter((r) => r.unitId).map((r) => r.unitId))).toEqual(new Set(['U2']));
    expect(after.map((r) => r.key)).toEqual(before.map((r) => r.key.replace(':U1', ':U2')));
    const keep = (rs: PlannedReminder[]) => rs.filter((r) => r.unitId === null).map((r) => r.key);
    expect(keep(after)).toEqual(keep(before));
  });

  it('adding a policy step does not change the keys of the others', () => {
    const before = computeReminders(base(), now);
    const policy = { steps: [{ offset: '-P14D', kind: 'remind' as const, audience: 'responsible' as const, channels: [...ch] }, ...DEFAULT_REMINDER_POLICY.steps] };
    const after = computeReminders(base({ policy }), now);
    expect(after.map((r) => r.key)).toEqual(expect.arrayContaining(before.map((r) => r.key)));
    expect(after).toHaveLength(before.length + 1);
  });

  it('reminders due before the task existed are dropped; past ones after it are kept for late sending', () => {
    const task = { ...base().task, createdAt: sh('2026-05-20T10:00') };
    const rs = computeReminders(base({ task }), sh('2026-06-05T10:00'));
    expect(rs.map((r) => r.key)).not.toContain('T1:-:-P30D.remind:responsible:U1');
    expect(rs.map((r) => r.key)).toContain('T1:-:-P7D.remind:responsible:U1');
    // now is after P3D: those reminders are in the past and still returned
    expect(rs.filter((r) => r.dueAt < sh('2026-06-05T10:00'))).toHaveLength(5);
  });

  it('a unit assigned without notice is not sent what was due before it was assigned; later ones and other units are', () => {
    const task = { ...base().task, createdAt: sh('2026-04-01T10:00') };
    const quietBefore = sh('2026-05-29T10:00');
    const assignments = [
      { unitId: 'U1', role: 'lead' as const, status: 'in_progress' as const },
      { unitId: 'U2', role: 'responsible' as const, status: 'assigned' as const, assignedAt: quietBefore, quietBefore },
    ];
    const rs = computeReminders(base({ task, assignments }), sh('2026-06-05T10:00'));
    const of = (unit: string) => rs.filter((r) => r.unitId === unit);
    expect(of('U2').every((r) => r.dueAt >= quietBefore)).toBe(true);
    expect(of('U2').map((r) => r.key)).toEqual(expect.arrayContaining(['T1:-:P1D.urge:unit_head:U2', 'T1:-:ack.urge:unit_head:U2']));
    expect(of('U2').map((r) => r.key)).not.toContain('T1:-:-P7D.remind:responsible:U2');
    expect(of('U2').map((r) => r.key)).not.toContain('T1:-:-P1D.remind:responsible:U2');
    expect(of('U1').map((r) => r.key)).toContain('T1:-:-P7D.remind:responsible:U1');
  });

  it('duplicate policy steps merge into one reminder on the union of channels', () => {
    const policy: ReminderPolicy = {
      steps: [
        { offset: '-P7D', kind: 'remind', audience: 'responsible', channels: ['email'] },
        { offset: '-P1W', kind: 'remind', audience: 'responsible', channels: ['webhook'] },
      ],
    };
    const rs = computeReminders(base({ policy }), now);
    expect(rs).toHaveLength(1);
    expect(rs[0].channels).toEqual(['email', 'webhook']);
  });

  it('an unvalidated bad offset fails loudly', () => {
    expect(() => computeReminders(base({ policy: policyOf(['7D', 'remind', 'lead']) }), now)).toThrow(/invalid ISO-8601 duration "7D"/);
  });
});
