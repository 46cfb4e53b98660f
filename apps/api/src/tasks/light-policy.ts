import { Injectable } from '@nestjs/common';
import { Env } from '@app/config';
import {
  addWorkdays,
  daysOverdue,
  DEFAULT_PROGRESS_SLACK,
  isOverdue,
  isTaskStatus,
  shanghaiDate,
  TaskStatus,
  trafficLight,
  TrafficLight,
  WorkCalendar,
  workdaysBetween,
} from '@app/domain';
import { LightParams, WorkCalendarRepository } from '@app/persistence';

export function statusOf(value: string): TaskStatus {
  if (!isTaskStatus(value)) throw new Error(`unknown task status in the database: ${value}`);
  return value;
}

export interface Countdown {
  overdue: boolean;
  /** Calendar days past the deadline's date (Shanghai); 0 when not overdue or overdue since today. */
  daysOverdue: number;
  /** Working days from today to the deadline's date (0: due today); negative once it passed. */
  workdaysLeft: number;
}

/** The traffic-light rule at one moment: the office's calendar and YELLOW_WORKDAYS, for rows and for SQL. */
export class Lights {
  constructor(
    readonly now: Date,
    readonly calendar: WorkCalendar,
    readonly yellowWorkdays: number,
  ) {}

  /**
   * The row-independent inputs of the rule for the SQL filter. trafficLight() is yellow when
   * workdaysBetween(today, dueDate) <= N, i.e. when the due date is before the (N+1)th working day after today.
   */
  get params(): LightParams {
    return {
      now: this.now,
      yellowBefore: addWorkdays(this.calendar, shanghaiDate(this.now), this.yellowWorkdays + 1),
      progressSlack: DEFAULT_PROGRESS_SLACK,
    };
  }

  task(t: { dueAt: Date; createdAt: Date; status: string; progress: number; submittedAt: Date | null }): { light: TrafficLight; overdue: boolean } {
    const input = { ...this.rule, dueAt: t.dueAt, startAt: t.createdAt, status: statusOf(t.status), progress: t.progress, submittedAt: t.submittedAt };
    return { light: trafficLight(input), overdue: isOverdue(input) };
  }

  /** The words next to every light ("超期 3 天", "剩 2 个工作日"). */
  countdown(t: { dueAt: Date; status: string; submittedAt: Date | null }): Countdown {
    const input = { dueAt: t.dueAt, now: this.now, status: statusOf(t.status), submittedAt: t.submittedAt, calendar: this.calendar };
    const overdue = isOverdue(input);
    return {
      overdue,
      daysOverdue: overdue ? daysOverdue(input).calendarDays : 0,
      workdaysLeft: workdaysBetween(this.calendar, shanghaiDate(this.now), shanghaiDate(t.dueAt)),
    };
  }

  /** What every per-row rule call shares. */
  get rule(): { now: Date; calendar: WorkCalendar; yellowWorkdays: number } {
    return { now: this.now, calendar: this.calendar, yellowWorkdays: this.yellowWorkdays };
  }
}

/** Where the API gets its Lights: the calendar as the database holds it now. */
@Injectable()
export class LightPolicy {
  constructor(
    private readonly calendars: WorkCalendarRepository,
    private readonly env: Env,
  ) {}

  async at(now: Date): Promise<Lights> {
    return new Lights(now, await this.calendars.current(), this.env.YELLOW_WORKDAYS);
  }
}
