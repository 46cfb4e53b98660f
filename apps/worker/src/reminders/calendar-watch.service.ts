import { Injectable, Logger } from '@nestjs/common';
import { missingCalendarYear } from '@app/domain';
import { NotificationRepository, UnitOfWork, WorkCalendarRepository } from '@app/persistence';

/**
 * From 1 November, next year's working-day calendar should be in: until it is, every reminder and
 * light in that year counts 春节 and 国庆 as working days. Supervisors get one inbox notice per
 * missing year (claimed in the database, so any number of workers and days send it once).
 */
@Injectable()
export class CalendarWatch {
  private readonly logger = new Logger(CalendarWatch.name);

  constructor(
    private readonly calendars: WorkCalendarRepository,
    private readonly notifications: NotificationRepository,
    private readonly uow: UnitOfWork,
  ) {}

  /** Returns the supervisors notified now (0 when already notified or nothing is missing). */
  async check(now = new Date()): Promise<number> {
    const year = missingCalendarYear(now, await this.calendars.current());
    if (year === null) return 0;
    return this.uow.run(async () => {
      if (!(await this.calendars.claimMissingNotice(year))) return 0;
      const n = await this.notifications.noticeToSupervisors(
        `${year} 年工作日历尚未录入`,
        `${year} 年的节假日和调休安排还没有录入督办系统。录入前，${year} 年的提醒、催办和红黄绿灯按周一至周五计算，` +
          `会把春节、国庆等假日当作工作日。请管理员在国务院办公厅发布通知后导入（POST /work-calendar/notices，或 npm run cli -- calendar-import 通知.txt）。`,
      );
      this.logger.warn(`the ${year} working-day calendar is missing; ${n} supervisor(s) notified`);
      return n;
    });
  }
}
