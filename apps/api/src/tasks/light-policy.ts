import {
  addWorkdays,
  ChineseWorkCalendar,
  DEFAULT_PROGRESS_SLACK,
  DEFAULT_YELLOW_WORKDAYS,
  isOverdue,
  isTaskStatus,
  shanghaiDate,
  TaskStatus,
  trafficLight,
  TrafficLight,
  WorkCalendar,
} from '@app/domain';
import type { LightParams } from '@app/persistence';

export const CALENDAR: WorkCalendar = new ChineseWorkCalendar();

/**
 * The row-independent inputs of the traffic-light rule for the SQL filter. trafficLight() is
 * yellow when workdaysBetween(today, dueDate) <= N, i.e. when the due date is before the
 * (N+1)th working day after today.
 */
export function lightParams(now: Date, calendar = CALENDAR): LightParams {
  return {
    now,
    yellowBefore: addWorkdays(calendar, shanghaiDate(now), DEFAULT_YELLOW_WORKDAYS + 1),
    progressSlack: DEFAULT_PROGRESS_SLACK,
  };
}

export function statusOf(value: string): TaskStatus {
  if (!isTaskStatus(value)) throw new Error(`unknown task status in the database: ${value}`);
  return value;
}

export function taskLight(
  t: { dueAt: Date; createdAt: Date; status: string; progress: number; submittedAt: Date | null },
  now: Date,
): { light: TrafficLight; overdue: boolean } {
  const status = statusOf(t.status);
  const input = { dueAt: t.dueAt, startAt: t.createdAt, now, status, progress: t.progress, submittedAt: t.submittedAt, calendar: CALENDAR };
  return { light: trafficLight(input), overdue: isOverdue(input) };
}
