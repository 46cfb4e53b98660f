import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { Env } from '@app/config';
import { addDays, diffDays, shanghaiDate } from '@app/domain';
import { ReportClock, ReportRepository, ReportScope, TaskRepository, UnitSortKey } from '@app/persistence';
import { AuthUser, hasRole } from '../common/current-user';
import { LightPolicy } from '../tasks/light-policy';
import { ItemReportQuery, PagedReportQuery, ReportQuery, TrendQuery, UnitReportQuery } from './dto/report-query.dto';
import { taskListFilter } from '../tasks/task-list-filter';
import { toSummary } from '../tasks/task-views';
import { ExportFile, ExportSheet, ReportExporter } from './export/report-exporter';
import { ReportTable, shanghaiDateTime } from './export/report-table';
import { ackDueFor } from './ack-due';
import { ReportCache } from './report-cache';
import { reportClock, reportScope } from './report-scope';
import {
  toAppraisalDto,
  toSummaryDto,
  toIndicatorDto,
  toOverdueDto,
  toPersonDto,
  toUnitDto,
  weeklyTable,
} from './report-views';

/** Exports carry every row, up to this many: beyond it a spreadsheet is not the right tool. */
export const EXPORT_MAX_ROWS = 50_000;
/** Trend windows longer than this are refused rather than computed. */
const MAX_PERIODS = 400;
/** Items listed per plan in the weekly 通报. */
const WEEKLY_ITEMS_PER_PLAN = 200;

type Paging = { offset: number; limit: number };
const paging = (q: PagedReportQuery, all: boolean): Paging => (all ? { offset: 0, limit: EXPORT_MAX_ROWS } : { offset: (q.page - 1) * q.limit, limit: q.limit });
/** The first day of the month `n` months before `date`'s month. */
function monthsBefore(date: string, n: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}
/** What a cached report depends on besides the data: who sees what, the filters, and the day's light parameters. */
const cacheKey = (scope: ReportScope, clock: ReportClock, extra: object = {}) => ({
  scope,
  day: clock.today,
  yellowBefore: clock.yellowBefore,
  slack: clock.progressSlack,
  ...extra,
});

@Injectable()
export class ReportsService {
  constructor(
    private readonly repo: ReportRepository,
    private readonly env: Env,
    readonly exporter: ReportExporter,
    private readonly cache: ReportCache,
    private readonly lights: LightPolicy,
    private readonly tasks: TaskRepository,
  ) {}

  /**
   * One page of a paged report (every row for an export), cached per scope, day and options, its rows
   * mapped to the API's shape.
   */
  private async page<O extends object, R, D>(
    kind: string,
    q: PagedReportQuery,
    scope: ReportScope,
    now: Date,
    options: O,
    read: (repo: ReportRepository, scope: ReportScope, clock: ReportClock, o: O & Paging) => Promise<{ rows: R[]; total: number }>,
    map: (row: R) => D,
  ): Promise<{ items: D[]; total: number; page: number; limit: number }> {
    const clock = reportClock(await this.lights.at(now));
    const o = { ...options, ...paging(q, q.format !== 'json') };
    return this.cache.get(kind, cacheKey(scope, clock, o), async (repo) => {
      const { rows, total } = await read(repo, scope, clock, o);
      return { items: rows.map(map), total, page: q.page, limit: q.limit };
    });
  }

  /** The 总台账 (GET /tasks with the same filters and sort); an export carries every row. */
  async items(user: AuthUser, q: ItemReportQuery, now = new Date()) {
    const rows = paging(q, q.format !== 'json');
    const { rows: found, total } = await this.tasks.list(taskListFilter(user, q, rows), (await this.lights.at(now)).params);
    return { items: found.map(toSummary), total, page: q.page, limit: q.limit };
  }

  async summary(user: AuthUser, q: ReportQuery, now = new Date()) {
    const scope = reportScope(user, q);
    const clock = reportClock(await this.lights.at(now));
    return this.cache.get('summary', cacheKey(scope, clock), async (repo) => toSummaryDto(await repo.summary(scope, clock), now));
  }

  async units(user: AuthUser, q: UnitReportQuery, now = new Date()) {
    const [sort, order] = q.sort.split(':') as [UnitSortKey, 'asc' | 'desc'];
    return this.page('units', q, reportScope(user, q), now, { sort, order }, (repo, scope, clock, o) => repo.units(scope, clock, o), toUnitDto);
  }

  async appraisal(user: AuthUser, q: ReportQuery, now = new Date()) {
    const ackWorkdays = this.env.ACK_WORKDAYS;
    const endOfDay = this.env.DUE_TIME;
    // The acknowledgement deadline of every assignment date, from the working-day calendar (one table per calendar version).
    const lights = await this.lights.at(now);
    const ackDue = ackDueFor(lights.calendar, ackWorkdays, endOfDay);
    const scope = reportScope(user, q);
    const clock = reportClock(lights);
    return this.cache.get('appraisal', cacheKey(scope, clock, { ackWorkdays, endOfDay }), async (repo) => {
      const rows = await repo.appraisal(scope, clock, ackDue);
      return { items: rows.map(toAppraisalDto), total: rows.length };
    });
  }

  /** Unit heads see their own unit's people; supervisors, leaders and admins any unit's. */
  async people(user: AuthUser, q: PagedReportQuery, now = new Date()) {
    const broad = hasRole(user, 'admin', 'leader', 'supervisor');
    if (!broad && !(hasRole(user, 'unit_head') && user.unitId)) {
      throw new ForbiddenException('the per-person report is for unit heads, supervisors and leaders');
    }
    if (!broad && q.unitId && q.unitId !== user.unitId) throw new ForbiddenException('a unit head sees only their own unit');
    const unitId = broad ? q.unitId : (user.unitId ?? undefined);
    return this.page('people', q, reportScope(user, q), now, { unitId }, (repo, scope, clock, o) => repo.people(scope, clock, o), toPersonDto);
  }

  async overdue(user: AuthUser, q: PagedReportQuery, now = new Date()) {
    return this.page('overdue', q, reportScope(user, q), now, {}, (repo, scope, clock, o) => repo.overdue(scope, clock, o), toOverdueDto);
  }

  async indicators(user: AuthUser, q: PagedReportQuery, now = new Date()) {
    return this.page('indicators', q, reportScope(user, q), now, {}, (repo, scope, clock, o) => repo.indicators(scope, clock, o), toIndicatorDto);
  }

  async trend(user: AuthUser, q: TrendQuery, now = new Date()) {
    const today = shanghaiDate(now);
    const to = q.to ?? today;
    // Default window: the current period and the eleven before it.
    const from = q.from ?? (q.interval === 'week' ? addDays(to, -7 * 11) : monthsBefore(to, 11));
    const periods = q.interval === 'week' ? diffDays(from, to) / 7 : diffDays(from, to) / 28;
    const scope = reportScope(user, { ...q, from, to });
    if (periods > MAX_PERIODS) throw new BadRequestException(`the window spans more than ${MAX_PERIODS} periods; narrow from/to`);
    const clock = reportClock(await this.lights.at(now));
    const o = { interval: q.interval, from, to };
    return this.cache.get('trend', cacheKey(scope, clock, o), async (repo) => {
      const items = await repo.trend(scope, clock, o);
      return { interval: q.interval, from, to, items };
    });
  }

  /**
   * The printable weekly 督办通报: one sheet per visible plan with its head figures and the
   * items that need attention (red, yellow) or were completed in the last seven days.
   */
  async weekly(user: AuthUser, q: ReportQuery, now = new Date()): Promise<ExportFile> {
    const scope = reportScope(user, q);
    const clock = reportClock(await this.lights.at(now));
    const heads = await this.repo.planHeads(scope, clock);
    const items = await this.repo.weeklyItems(scope, clock, WEEKLY_ITEMS_PER_PLAN);
    const sheets: ExportSheet<unknown>[] = heads.map((h) => ({
      title: h.title,
      table: weeklyTable(h, items.filter((i) => i.planId === h.planId)) as ReportTable<unknown>,
      heading: [
        `督办通报:${h.title}`,
        `截至 ${shanghaiDateTime(now.toISOString())}:事项 ${h.total} 项,已办结 ${h.completed} 项(本周 ${h.completedThisWeek} 项),逾期 ${h.overdue} 项,黄灯 ${h.yellow} 项`,
      ],
    }));
    return this.exporter.workbook(sheets.length ? sheets : [{ title: '督办通报', heading: ['本周无可通报事项'] }], `督办通报-${shanghaiDate(now)}.xlsx`);
  }
}
