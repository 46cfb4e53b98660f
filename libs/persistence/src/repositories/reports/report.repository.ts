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
import { PlanHeadRow, planHeadsReport, WeeklyItemRow, weeklyItemsReport } from './weekly.report';

/**
 * Reports (统计报表), computed where the rows are. Each report is one file of this folder; this
 * provider runs them on the current connection (a transaction, a pinned replica, the pool).
 */
@Injectable()
export class ReportRepository {
  private readonly run: RunSql = (q) => this.db.queryPrepared(q);
  private readonly log = new Logger('Reports');
  /** The rewrite of the late-acknowledgement count under way, if any: one at a time per process. */
  private syncing: Promise<void> | null = null;

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
    return unitsReport(this.run, s, c, o);
  }

  appraisal(s: ReportScope, c: ReportClock, ackDue: AckDue): Promise<AppraisalRow[]> {
    return appraisalReport(this.run, s, c, ackDue, (w) => this.syncAckDeadlines(w));
  }

  /**
   * Rewrites the late-acknowledgement count for the window an appraisal just used, in the background
   * on the primary (the appraisal may have run on a replica): the request already has its rows,
   * counted key by key, and a lock wait (see syncAckDeadlines) should not hold it. A failure only
   * leaves the next appraisals on that slower path; the next one tries again.
   */
  private syncAckDeadlines(w: AckWindow): Promise<void> {
    this.syncing ??= this.db
      .outsideTransaction(() => this.db.transaction(() => syncAckDeadlines((q) => this.db.query(q), w)))
      .catch((e: Error) => this.log.warn(`late acknowledgements not recounted for the new deadlines: ${e.message}`))
      .finally(() => {
        this.syncing = null;
      });
    return Promise.resolve();
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

