import { addDays, assertIsoDate, daysInMonth, diffDays, isIsoDate, isoWeekday } from './calendar-date';

describe('calendar dates', () => {
  it.each([
    ['2025-10-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['2025-10-01T00:00', false],
    ['', false],
    [20251001, false],
  ])('isIsoDate(%p) = %p', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it('assertIsoDate names the field', () => {
    expect(() => assertIsoDate('2025/10/01', 'deadline')).toThrow(/deadline must be a calendar date 'YYYY-MM-DD'/);
  });

  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-10-01', 0, '2025-10-01'],
  ])('addDays(%s, %d) = %s', (d, n, want) => {
    expect(addDays(d, n)).toBe(want);
  });

  it('diffDays counts calendar days across years', () => {
    expect(diffDays('2025-12-30', '2026-01-02')).toBe(3);
    expect(diffDays('2026-01-02', '2025-12-30')).toBe(-3);
  });

  it.each([
    ['2025-09-28', 7],
    ['2025-09-29', 1],
    ['2026-05-31', 7],
  ])('isoWeekday(%s) = %d', (d, w) => {
    expect(isoWeekday(d)).toBe(w);
  });

  it('daysInMonth knows leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});
