import { randomBytes } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { Env } from '@app/config';
import { ownItems, Role, shanghaiDate } from '@app/domain';
import { CalendarFeedRepository, UnitOfWork } from '@app/persistence';
import { sha256 } from '../auth/tokens';
import { AuthUser } from '../common/current-user';

/** Feed tokens carry their own prefix so a leaked one is recognisable in logs and scanners. */
const FEED_TOKEN_PREFIX = 'dbc_';
/** Calendar apps poll the whole feed; past deadlines beyond this are of no use in it. */
const PAST_DAYS = 30;
const MAX_EVENTS = 2000;

const STATUS_LABEL: Record<string, string> = {
  assigned: '待签收',
  acknowledged: '已签收',
  in_progress: '办理中',
  submitted: '已报结待审',
  returned: '已退回',
  suspended: '已暂停',
};

@Injectable()
export class CalendarService {
  constructor(
    private readonly feeds: CalendarFeedRepository,
    private readonly uow: UnitOfWork,
    private readonly env: Env,
  ) {}

  /** A new secret feed URL; the previous one stops working. */
  async createFeed(user: AuthUser): Promise<{ url: string }> {
    const token = `${FEED_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
    await this.uow.run(() => this.feeds.replace(user.id, sha256(token)));
    return { url: `${this.env.PUBLIC_URL.replace(/\/+$/, '')}/calendar/${token}.ics` };
  }

  async revokeFeeds(user: AuthUser): Promise<void> {
    await this.feeds.revokeAll(user.id);
  }

  /**
   * The iCalendar text of a feed: the deadlines of open items of the owner's unit (staff, unit
   * heads) and of the plans they supervise (supervisors), as all-day events on the deadline's date.
   */
  async feed(token: string, now = new Date()): Promise<string> {
    const owner = token.startsWith(FEED_TOKEN_PREFIX) ? await this.feeds.owner(sha256(token)) : null;
    if (!owner) throw new NotFoundException('no such calendar feed');
    const own = ownItems({ id: owner.userId, roles: owner.roles as Role[], unitId: owner.unitId });
    const deadlines = await this.feeds.deadlines(own, new Date(now.getTime() - PAST_DAYS * 86_400_000), MAX_EVENTS);
    const cal = ical({ name: `督办事项截止日 · ${owner.displayName}`, timezone: 'Asia/Shanghai', method: ICalCalendarMethod.PUBLISH, ttl: 3600 });
    const base = this.env.PUBLIC_URL.replace(/\/+$/, '');
    for (const d of deadlines) {
      cal.createEvent({
        id: `task-${d.taskId}@duban`,
        // A date string, so the all-day date is the Shanghai date whatever the host's zone.
        start: shanghaiDate(d.dueAt),
        allDay: true,
        summary: `【督办截止】${d.code} ${d.title}`,
        description: [
          `计划:${d.planTitle}`,
          `牵头单位:${d.leadUnits.join('、') || '—'}`,
          `状态:${STATUS_LABEL[d.status] ?? d.status}`,
          `完成时限:${d.dueAt.toISOString()}`,
        ].join('\n'),
        url: `${base}/tasks/${d.taskId}`,
      });
    }
    return cal.toString();
  }
}
