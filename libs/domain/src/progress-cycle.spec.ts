import { cycleDates, progressCycleError } from './progress-cycle';

describe('progress-report cycles', () => {
  it('weekly: every given ISO weekday in range', () => {
    expect(cycleDates({ kind: 'weekly', weekday: 5 }, '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-06',
      '2026-03-13',
      '2026-03-20',
      '2026-03-27',
    ]);
    expect(cycleDates({ kind: 'weekly', weekday: 7 }, '2026-05-31', '2026-06-07')).toEqual(['2026-05-31', '2026-06-07']);
  });

  it('monthly: the given day, clamped to short months', () => {
    expect(cycleDates({ kind: 'monthly', day: 31 }, '2026-01-15', '2026-04-30')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(cycleDates({ kind: 'monthly', day: 25 }, '2026-01-26', '2026-02-24')).toEqual([]);
  });

  it('quarterly: quarter ends across a year boundary', () => {
    expect(cycleDates({ kind: 'quarterly' }, '2025-11-01', '2026-07-01')).toEqual(['2025-12-31', '2026-03-31', '2026-06-30']);
  });

  it('empty when from is after to', () => {
    expect(cycleDates({ kind: 'quarterly' }, '2026-07-01', '2026-01-01')).toEqual([]);
  });

  it.each([
    [{ kind: 'weekly', weekday: 0 }, /weekday/],
    [{ kind: 'weekly', weekday: 8 }, /weekday/],
    [{ kind: 'monthly', day: 32 }, /day must be/],
    [{ kind: 'monthly' }, /day must be/],
    [{ kind: 'yearly' }, /kind must be/],
    [null, /object/],
  ])('rejects %o', (cycle, message) => {
    expect(progressCycleError(cycle)).toMatch(message);
    expect(() => cycleDates(cycle as never, '2026-01-01', '2026-02-01')).toThrow(message);
  });
});
