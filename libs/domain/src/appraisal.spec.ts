import { appraisalLateness, AppraisalInput } from './appraisal';
import { chineseDaysCalendar } from '../test/chinese-days.fixture';
import { sh } from '../test/shanghai';

const originalDueAt = sh('2025-09-30T18:00');
const currentDueAt = sh('2025-10-31T18:00');

describe('appraisal lateness (考核)', () => {
  it.each<[string, Partial<AppraisalInput>, { late: boolean; daysLate: number; basis: string }]>([
    ['done on time, no extension', { currentDueAt: originalDueAt, completedAt: sh('2025-09-30T17:00') }, { late: false, daysLate: 0, basis: 'original' }],
    ['done late, no extension', { currentDueAt: originalDueAt, completedAt: sh('2025-10-10T10:00') }, { late: true, daysLate: 10, basis: 'original' }],
    ['late the same evening', { currentDueAt: originalDueAt, completedAt: sh('2025-09-30T19:00') }, { late: true, daysLate: 0, basis: 'original' }],
    ['extension approved in time, done within it', { extensionApprovedAt: sh('2025-09-20T10:00'), completedAt: sh('2025-10-20T10:00') }, { late: false, daysLate: 0, basis: 'extended' }],
    ['extension approved at the original deadline instant', { extensionApprovedAt: originalDueAt, completedAt: sh('2025-10-20T10:00') }, { late: false, daysLate: 0, basis: 'extended' }],
    ['extension approved in time, done after it', { extensionApprovedAt: sh('2025-09-20T10:00'), completedAt: sh('2025-11-03T10:00') }, { late: true, daysLate: 3, basis: 'extended' }],
    ['extension approved after the fact', { extensionApprovedAt: sh('2025-10-09T10:00'), completedAt: sh('2025-10-20T10:00') }, { late: true, daysLate: 20, basis: 'original' }],
    ['still open, past the original deadline', { currentDueAt: originalDueAt, now: sh('2025-10-02T10:00') }, { late: true, daysLate: 2, basis: 'original' }],
    ['still open, before the deadline', { now: sh('2025-09-01T10:00') }, { late: false, daysLate: 0, basis: 'original' }],
  ])('%s', (_name, patch, want) => {
    const r = appraisalLateness({ originalDueAt, currentDueAt, now: sh('2026-01-01T00:00'), ...patch });
    expect({ late: r.late, daysLate: r.daysLate, basis: r.basis }).toEqual(want);
    expect(r.workdaysLate).toBeNull();
  });

  it('counts working days late when given a calendar', () => {
    const r = appraisalLateness({ originalDueAt, currentDueAt: originalDueAt, completedAt: sh('2025-10-10T10:00'), now: sh('2026-01-01T00:00'), calendar: chineseDaysCalendar() });
    expect(r).toMatchObject({ late: true, daysLate: 10, workdaysLate: 2, countedDueAt: originalDueAt });
  });
});
