import { Injectable, Logger } from '@nestjs/common';
import { sql } from '../../db/sql';
import { Db } from '../../db/unit-of-work';
import { AckDue, AckWindow, appraisalReport, AppraisalRow, syncAckDeadlines } from './appraisal.report';
import { IndicatorRow, indicatorsReport } from './indicators.report';
import { OverdueRow, overdueReport } from './overdue.report';
import { peopleReport, PersonRow } from './people.report';
import { PageWindow, Paged, ReportClock, ReportScope, RunSql } from './report-sql';
import { summaryReport, SummaryRow } from './summary.report';
import { trendReport, TrendRow } from './trend.report';
import { UnitSortKey, unitsReport } from './units.report';
import { syncUnitRollup } from './unit-rollup';
import { PlanHeadRow, planHeadsReport, WeeklyItemRow, weeklyItemsReport } from './weekly.report';

/**
 * Reports (统计报表), computed where the rows are. Each report is one file of this folder; this
 * provider runs them on the current connection (a transaction, a pinned replica, the pool).
 */
@Injectable()
export class ReportRepository {
  private readonly run: RunSql = (q) => this.db.queryPrepared(q);
  private readonly log = new Logger('Reports');
  /** The rebuilds of kept counts under way, by kind: one of each at a time per process. */
  private readonly rewriting = new Map<string, Promise<void>>();
  private readonly syncs = {
    ackDeadlines: (w: AckWindow) => this.rewrite('late acknowledgements', (run) => syncAckDeadlines(run, w)),
    unitRollup: (month: string) => this.rewrite('unit rollup', (run) => syncUnitRollup(run, month)),
  };

  constructor(private readonly db: Db) {}

  /** The database's current snapshot (xmin:xmax:running ids): unchanged means no write committed. */
  async snapshot(): Promise<string> {
    const [r] = await this.run<{ s: string }>(sql`SELECT pg_current_snapshot()::text AS s`);
    return r.s;
  }

  summary(s: ReportScope, c: ReportClock): Promise<SummaryRow> {
    return summaryReport(this.run, s, c);
  }

  units(s: ReportScope, c: ReportClock, o: { sort: UnitSortKey; order: 'asc' | 'desc' } & PageWindow) {
    return unitsReport(this.run, s, c, o, this.syncs.unitRollup);
  }

  appraisal(s: ReportScope, c: ReportClock, ackDue: AckDue): Promise<AppraisalRow[]> {
    return appraisalReport(this.run, s, c, ackDue, this.syncs);
  }

  /**
   * Rebuilds a kept count for the window or month a report just used (syncAckDeadlines,
   * syncUnitRollup) on the primary (the report may have run on a replica), before the request that
   * found it stale returns: its rows, read the slower way, are already right, and the rebuild's commit
   * then comes before the answer, so the report cache (which drops an entry on any commit) never sees
   * it land later. A request that finds a rebuild of that kind under way does not wait for it, so at
   * most one connection waits on another. A failure (a lock wait past 2 s) is a warning; the next
   * report tries again.
   */
  private rewrite(kind: string, work: (run: RunSql) => Promise<void>): Promise<void> {
    if (this.rewriting.has(kind)) return Promise.resolve();
    const done = this.db
      .outsideTransaction(() => this.db.transaction(() => work((q) => this.db.query(q))))
      .catch((e: Error) => this.log.warn(`${kind} not rebuilt: ${e.message}`))
      .finally(() => this.rewriting.delete(kind));
    this.rewriting.set(kind, done);
    return done;
  }

  people(s: ReportScope, c: ReportClock, o: { unitId?: string } & PageWindow): Promise<Paged<PersonRow>> {
    return peopleReport(this.run, s, c, o);
  }

  overdue(s: ReportScope, c: ReportClock, o: PageWindow): Promise<Paged<OverdueRow>> {
    return overdueReport(this.run, s, c, o);
  }

  indicators(s: ReportScope, c: ReportClock, o: PageWindow): Promise<Paged<IndicatorRow>> {
    return indicatorsReport(this.run, s, c, o);
  }

  trend(s: ReportScope, c: ReportClock, o: { interval: 'week' | 'month'; from: string; to: string }): Promise<TrendRow[]> {
    return trendReport(this.run, s, c, o);
  }

  planHeads(s: ReportScope, c: ReportClock): Promise<PlanHeadRow[]> {
    return planHeadsReport(this.run, s, c);
  }

  weeklyItems(s: ReportScope, c: ReportClock, perPlan: number): Promise<WeeklyItemRow[]> {
    return weeklyItemsReport(this.run, s, c, perPlan);
  }
}

