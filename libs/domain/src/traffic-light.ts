import { diffDays } from './calendar-date';
import { shanghaiDate } from './due-time';
import { TaskStatus } from './task-state';
import { WorkCalendar, workdaysBetween } from './work-calendar';

export const TRAFFIC_LIGHTS = ['green', 'yellow', 'red', 'none'] as const;
/** 红黄绿灯; 'none' for items that no longer run (completed, cancelled, suspended). */
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

export const DEFAULT_YELLOW_WORKDAYS = 5;
/** Progress may trail the elapsed share of time by this many percentage points before turning yellow. */
export const DEFAULT_PROGRESS_SLACK = 10;

/** Statuses whose items carry no light and are never overdue: finished, withdrawn or paused. */
const NOT_RUNNING: readonly TaskStatus[] = ['completed', 'cancelled', 'suspended'];

export interface OverdueInput {
  dueAt: Date;
  now: Date;
  status: TaskStatus;
  /** When the lead submitted; an item submitted on time is not overdue while it waits for review. */
  submittedAt?: Date | null;
}

/** Deadline passed and the item not done. Derived on read, never stored as a status. */
export function isOverdue({ dueAt, now, status, submittedAt }: OverdueInput): boolean {
  if (NOT_RUNNING.includes(status)) return false;
  if (now.getTime() <= dueAt.getTime()) return false;
  if (status === 'submitted' && submittedAt && submittedAt.getTime() <= dueAt.getTime()) return false;
  return true;
}

export interface TrafficLightInput extends OverdueInput {
  startAt: Date;
  /** 0–100; unknown progress skips the behind-schedule rule. */
  progress?: number | null;
  calendar: WorkCalendar;
  yellowWorkdays?: number;
  progressSlack?: number;
}

/** Share of the time between startAt and dueAt that has passed, 0–1. */
export function elapsedFraction(startAt: Date, dueAt: Date, now: Date): number {
  const span = dueAt.getTime() - startAt.getTime();
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - startAt.getTime()) / span));
}

export function trafficLight(input: TrafficLightInput): TrafficLight {
  const { dueAt, startAt, now, status, progress, calendar } = input;
  const yellowWorkdays = input.yellowWorkdays ?? DEFAULT_YELLOW_WORKDAYS;
  const slack = input.progressSlack ?? DEFAULT_PROGRESS_SLACK;
  if (NOT_RUNNING.includes(status)) return 'none';
  if (isOverdue(input)) return 'red';
  if (status === 'submitted') return 'green';
  if (workdaysBetween(calendar, shanghaiDate(now), shanghaiDate(dueAt)) <= yellowWorkdays) return 'yellow';
  if (progress != null && progress + slack < elapsedFraction(startAt, dueAt, now) * 100) return 'yellow';
  return 'green';
}

export interface DaysOverdue {
  /** Calendar days from the deadline's date to today's date in Shanghai; 0 on the deadline day itself. */
  calendarDays: number;
  /** Working days after the deadline's date up to and including today. */
  workdays: number;
}

export function daysOverdue(input: OverdueInput & { calendar: WorkCalendar }): DaysOverdue {
  if (!isOverdue(input)) return { calendarDays: 0, workdays: 0 };
  const dueDate = shanghaiDate(input.dueAt);
  const today = shanghaiDate(input.now);
  return { calendarDays: diffDays(dueDate, today), workdays: workdaysBetween(input.calendar, dueDate, today) };
}
