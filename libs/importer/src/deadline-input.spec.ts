import { readDeadlineInput, readRecurrenceInput } from './deadline-input';

const ctx = { year: 2025, periodStart: '2025-01-01', periodEnd: '2025-12-31' };

describe('readDeadlineInput', () => {
  it('takes an ISO date as it is', () => {
    expect(readDeadlineInput('2025-06-30', ctx)).toEqual({ date: '2025-06-30', text: null, recurrence: null });
  });
  it('reads the words documents use in the plan’s year', () => {
    expect(readDeadlineInput('9月底前', ctx)).toEqual({ date: '2025-09-30', text: '9月底前', recurrence: null });
    expect(readDeadlineInput('三季度', ctx)?.date).toBe('2025-09-30');
    expect(readDeadlineInput(' 次年3月 ', ctx)).toEqual({ date: '2026-03-31', text: '次年3月', recurrence: null });
  });
  it('reads a recurrence with the period end as its date', () => {
    expect(readDeadlineInput('每季度', ctx)).toEqual({ date: '2025-12-31', text: '每季度', recurrence: 'quarterly' });
  });
  it('refuses what is neither', () => {
    expect(readDeadlineInput('2025-02-30', ctx)).toBeNull();
    expect(readDeadlineInput('尽快', ctx)).toBeNull();
    expect(readDeadlineInput('', ctx)).toBeNull();
  });
});

describe('readRecurrenceInput', () => {
  it('takes codes and words', () => {
    expect(readRecurrenceInput('quarterly')).toBe('quarterly');
    expect(readRecurrenceInput('每月')).toBe('monthly');
    expect(readRecurrenceInput('一季度一汇总')).toBe('quarterly');
    expect(readRecurrenceInput('每年')).toBe('yearly');
  });
  it('refuses anything else', () => {
    expect(readRecurrenceInput('weekly')).toBeNull();
  });
});
