import {
  DEFAULT_REMINDER_POLICY,
  inQuietHours,
  NOTICE_LEVEL_LABEL,
  noticeLevelOf,
  parsePolicy,
  PolicyValidationError,
  validatePolicy,
} from './reminder-policy';

const step = { offset: '-P7D', kind: 'remind', audience: 'responsible', channels: ['email', 'inbox'] };

describe('reminder policy', () => {
  it('the default policy is valid and matches the issue', () => {
    expect(validatePolicy(DEFAULT_REMINDER_POLICY)).toEqual([]);
    expect(DEFAULT_REMINDER_POLICY.steps.map((s) => [s.offset, s.kind, s.audience])).toEqual([
      ['-P30D', 'remind', 'responsible'],
      ['-P7D', 'remind', 'responsible'],
      ['-P1D', 'remind', 'responsible'],
      ['PT0S', 'remind', 'lead'],
      ['P1D', 'urge', 'unit_head'],
      ['P3D', 'escalate', 'supervisor'],
      ['P7D', 'escalate', 'leader'],
    ]);
    for (const s of DEFAULT_REMINDER_POLICY.steps) expect(s.channels).toEqual(['email', 'inbox']);
  });

  it('the default policy cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_REMINDER_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_REMINDER_POLICY.steps)).toBe(true);
    expect(Object.isFrozen(DEFAULT_REMINDER_POLICY.steps[0])).toBe(true);
  });

  it.each([
    ['remind', 'blue', '提醒'],
    ['urge', 'yellow', '催办'],
    ['escalate', 'red', '督办'],
  ] as const)('%s → %s %s', (kind, level, label) => {
    expect(noticeLevelOf(kind)).toBe(level);
    expect(NOTICE_LEVEL_LABEL[level]).toBe(label);
  });

  it.each<[string, unknown, { field: string; message: RegExp }[]]>([
    ['not an object', 'x', [{ field: '', message: /object/ }]],
    ['missing steps', {}, [{ field: 'steps', message: /array/ }]],
    ['empty steps', { steps: [] }, [{ field: 'steps', message: /at least one/ }]],
    ['bad offset', { steps: [{ ...step, offset: '7D' }] }, [{ field: 'steps[0].offset', message: /invalid ISO-8601 duration "7D"/ }]],
    ['offset not a string', { steps: [{ ...step, offset: 7 }] }, [{ field: 'steps[0].offset', message: /duration string/ }]],
    ['offset over a year', { steps: [{ ...step, offset: '-P400D' }] }, [{ field: 'steps[0].offset', message: /366 days/ }]],
    ['bad kind', { steps: [{ ...step, kind: 'nag' }] }, [{ field: 'steps[0].kind', message: /remind, urge, escalate/ }]],
    ['bad audience', { steps: [{ ...step, audience: 'mayor' }] }, [{ field: 'steps[0].audience', message: /one of/ }]],
    ['no channels', { steps: [{ ...step, channels: [] }] }, [{ field: 'steps[0].channels', message: /non-empty/ }]],
    ['bad channel', { steps: [{ ...step, channels: ['email', 'sms'] }] }, [{ field: 'steps[0].channels[1]', message: /channel must be/ }]],
    ['duplicate channel', { steps: [{ ...step, channels: ['email', 'email'] }] }, [{ field: 'steps[0].channels[1]', message: /duplicate/ }]],
    ['unknown step field', { steps: [{ ...step, when: 'soon' }] }, [{ field: 'steps[0].when', message: /unknown field/ }]],
    ['unknown top field', { steps: [step], extra: 1 }, [{ field: 'extra', message: /unknown field/ }]],
    ['duplicate step', { steps: [step, { ...step, offset: '-P1W', channels: ['inbox'] }] }, [{ field: 'steps[1]', message: /duplicates steps\[0\]/ }]],
    ['bad quiet hours', { steps: [step], quietHours: { start: '22:00', end: '8:00' } }, [{ field: 'quietHours.end', message: /HH:MM/ }]],
    ['empty quiet hours', { steps: [step], quietHours: { start: '08:00', end: '08:00' } }, [{ field: 'quietHours', message: /differ/ }]],
    ['quiet hours not an object', { steps: [step], quietHours: 'nights' }, [{ field: 'quietHours', message: /null/ }]],
  ])('%s → field errors', (_name, input, want) => {
    const errors = validatePolicy(input);
    expect(errors).toHaveLength(want.length);
    want.forEach((w, i) => {
      expect(errors[i].field).toBe(w.field);
      expect(errors[i].message).toMatch(w.message);
    });
  });

  it('reports every bad field at once', () => {
    const errors = validatePolicy({ steps: [{ offset: 'x', kind: 'y', audience: 'z', channels: 'w' }] });
    expect(errors.map((e) => e.field)).toEqual(['steps[0].offset', 'steps[0].kind', 'steps[0].audience', 'steps[0].channels']);
  });

  it('accepts a same-offset step for another audience and null quiet hours', () => {
    expect(validatePolicy({ steps: [step, { ...step, audience: 'lead' }], quietHours: null })).toEqual([]);
  });

  it('parsePolicy returns a copy or throws every error', () => {
    const input = { steps: [step], quietHours: { start: '22:00', end: '07:00' } };
    const p = parsePolicy(input);
    expect(p).toEqual(input);
    expect(p.steps[0]).not.toBe(input.steps[0]);
    expect(() => parsePolicy({ steps: [{ ...step, kind: 'nag' }] })).toThrow(PolicyValidationError);
    expect(() => parsePolicy({ steps: [{ ...step, kind: 'nag' }] })).toThrow(/steps\[0\]\.kind/);
  });

  it.each([
    [{ start: '22:00', end: '08:00' }, '23:30', true],
    [{ start: '22:00', end: '08:00' }, '07:59', true],
    [{ start: '22:00', end: '08:00' }, '08:00', false],
    [{ start: '22:00', end: '08:00' }, '21:59', false],
    [{ start: '12:00', end: '13:30' }, '12:00', true],
    [{ start: '12:00', end: '13:30' }, '13:30', false],
  ])('inQuietHours(%o, %s) = %p', (quiet, time, want) => {
    const [h, m] = time.split(':').map(Number);
    expect(inQuietHours(h * 60 + m, quiet)).toBe(want);
  });
});
