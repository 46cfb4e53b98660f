import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { WorkCalendarService } from '@app/application';

/**
 * Says when next year's working-day calendar is still missing on 1 November (or this year's is).
 * It stays "up": the API works, but deadlines in that year count 春节 and 国庆 as working days
 * until an admin imports the State Council's notice.
 */
@Injectable()
export class CalendarHealthIndicator {
  constructor(
    private readonly calendar: WorkCalendarService,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key = 'calendar', now = new Date()) {
    const check = this.indicator.check(key);
    try {
      const missing = await this.calendar.missingYear(now);
      if (missing === null) return check.up();
      return check.up({
        missingYear: missing,
        message: `${missing} 年工作日历尚未录入：请管理员导入国务院办公厅节假日安排通知（POST /work-calendar/notices 或 npm run cli -- calendar-import）`,
      });
    } catch (e) {
      return check.down({ message: (e as Error).message });
    }
  }
}
