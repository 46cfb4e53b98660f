import { TaskStatus } from './task-state';
import { daysOverdue, elapsedFraction, isOverdue, trafficLight, TrafficLightInput } from './traffic-light';
import { cal } from '../test/chinese-days.fixture';
import { sh } from '../test/shanghai';

const base: TrafficLightInput = {
  startAt: sh('2025-01-02T09:00'),
  dueAt: sh('2025-12-31T18:00'),
  now: sh('2025-03-03T09:00'),
  status: 'in_progress',
  progress: 50,
  calendar: cal,
};

describe('traffic light (红黄绿灯)', () => {
  it.each<[string, Partial<TrafficLightInput>, string]>([
    ['on track', {}, 'green'],
    ['overdue by a minute', { now: sh('2025-12-31T18:01') }, 'red'],
    ['exactly at the deadline is not overdue', { now: sh('2025-12-31T18:00'), progress: 100 }, 'yellow'],
    ['completed', { status: 'completed', now: sh('2026-02-01T09:00') }, 'none'],
    ['cancelled', { status: 'cancelled', now: sh('2026-02-01T09:00') }, 'none'],
    ['suspended', { status: 'suspended', now: sh('2026-02-01T09:00') }, 'none'],
    // 2025-12-24 (Wed) → 12-31 (Wed): 25, 26, 29, 30, 31 = 5 working days left.
    ['5 working days left', { now: sh('2025-12-24T09:00'), progress: 99 }, 'yellow'],
    ['6 working days left', { now: sh('2025-12-23T09:00'), progress: 99 }, 'green'],
    ['yellowWorkdays configurable', { now: sh('2025-12-23T09:00'), progress: 99, yellowWorkdays: 6 }, 'yellow'],
    ['progress behind elapsed time', { now: sh('2025-09-01T09:00'), progress: 40 }, 'yellow'],
    ['progress within the slack', { now: sh('2025-09-01T09:00'), progress: 60 }, 'green'],
    ['no slack configured', { now: sh('2025-09-01T09:00'), progress: 66, progressSlack: 0 }, 'yellow'],
    ['unknown progress skips the progress rule', { now: sh('2025-09-01T09:00'), progress: null }, 'green'],
    ['submitted on time, review after the deadline', { status: 'submitted', now: sh('2026-01-05T09:00'), submittedAt: sh('2025-12-30T10:00') }, 'green'],
    ['submitted late', { status: 'submitted', now: sh('2026-01-05T09:00'), submittedAt: sh('2026-01-02T10:00') }, 'red'],
    ['returned and overdue', { status: 'returned', now: sh('2026-01-05T09:00') }, 'red'],
  ])('%s → %s', (_name, patch, want) => {
    expect(trafficLight({ ...base, ...patch })).toBe(want);
  });

  it('the holiday counts: 10 calendar days but few working days before a deadline after National Day', () => {
    // From 2025-09-30 to 2025-10-10: working days 10-09 and 10-10 only.
    expect(trafficLight({ ...base, startAt: sh('2025-09-01T09:00'), dueAt: sh('2025-10-10T18:00'), now: sh('2025-09-30T09:00'), progress: 100, yellowWorkdays: 2 })).toBe('yellow');
  });

  it('elapsedFraction is clamped to 0..1', () => {
    expect(elapsedFraction(sh('2025-01-01T00:00'), sh('2025-01-11T00:00'), sh('2025-01-06T00:00'))).toBeCloseTo(0.5);
    expect(elapsedFraction(sh('2025-01-01T00:00'), sh('2025-01-11T00:00'), sh('2024-01-01T00:00'))).toBe(0);
    expect(elapsedFraction(sh('2025-01-01T00:00'), sh('2025-01-11T00:00'), sh('2026-01-01T00:00'))).toBe(1);
    expect(elapsedFraction(sh('2025-01-11T00:00'), sh('2025-01-01T00:00'), sh('2025-01-06T00:00'))).toBe(1);
  });
});

describe('overdue', () => {
  const dueAt = sh('2025-09-30T18:00');
  it.each<[TaskStatus, string, boolean]>([
    ['in_progress', '2025-09-30T18:00', false],
    ['in_progress', '2025-09-30T18:00:01', true],
    ['assigned', '2025-10-09T09:00', true],
    ['submitted', '2025-10-09T09:00', true],
    ['completed', '2025-10-09T09:00', false],
    ['cancelled', '2025-10-09T09:00', false],
    ['suspended', '2025-10-09T09:00', false],
  ])('%s at %s → %p', (status, now, want) => {
    expect(isOverdue({ dueAt, now: sh(now), status })).toBe(want);
  });

  it.each([
    ['2025-09-30T20:00', 0, 0],
    ['2025-10-01T09:00', 1, 0],
    ['2025-10-09T09:00', 9, 1],
    ['2025-10-11T09:00', 11, 3],
    ['2025-09-29T09:00', 0, 0],
  ])('daysOverdue at %s: %d calendar, %d working', (now, calendarDays, workdays) => {
    expect(daysOverdue({ dueAt, now: sh(now), status: 'in_progress', calendar: cal })).toEqual({ calendarDays, workdays });
  });

  it('a completed item is never days overdue', () => {
    expect(daysOverdue({ dueAt, now: sh('2025-10-20T09:00'), status: 'completed', calendar: cal })).toEqual({ calendarDays: 0, workdays: 0 });
  });
});
