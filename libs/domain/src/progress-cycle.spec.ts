import { cycleDates, ProgressCycle, progressCycleError } from './progress-cycle';

describe('progress-report cycles', () => {
  it.each<[string, ProgressCycle, string, string, string[]]>([
    ['weekly: every given ISO weekday in range', { kind: 'weekly', weekday: 5 }, '2026-03-01', '2026-03-31', ['2026-03-06', '2026-03-13', '2026-03-20', '2026-03-27']],
    ['weekly: both ends of the range count', { kind: 'weekly', weekday: 7 }, '2026-05-31', '2026-06-07', ['2026-05-31', '2026-06-07']],
    ['monthly: the given day, clamped to short months', { kind: 'monthly', day: 31 }, '2026-01-15', '2026-04-30', ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']],
    ['monthly: none when the day falls outside the range', { kind: 'monthly', day: 25 }, '2026-01-26', '2026-02-24', []],
    ['quarterly: quarter ends across a year boundary', { kind: 'quarterly' }, '2025-11-01', '2026-07-01', ['2025-12-31', '2026-03-31', '2026-06-30']],
    ['empty when from is after to', { kind: 'quarterly' }, '2026-07-01', '2026-01-01', []],
  ])('%s', (_name, cycle, from, to, want) => {
    expect(cycleDates(cycle, from, to)).toEqual(want);
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
