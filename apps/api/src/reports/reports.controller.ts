import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../common/current-user';
import { PagedReportQuery, ReportQuery, TrendQuery, UnitReportQuery } from './dto/report-query.dto';
import { ExportFile } from './export/report-exporter';
import { ReportTable } from './export/report-table';
import { PageDocs, ReportQueryDocs, ReportsApi, TrendDocs, UnitSortDocs } from './report-docs';
import {
  appraisalTable,
  indicatorsTable,
  overdueTable,
  peopleTable,
  summaryTable,
  trendTable,
  unitsTable,
} from './report-views';
import { ReportsService } from './reports.service';

/** Sends a file with a download name that survives Chinese characters (RFC 6266 filename*). */
function send(res: Response, file: ExportFile): StreamableFile {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  res.set({
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'Cache-Control': 'no-store',
  });
  return new StreamableFile(file.body);
}

@ReportsApi()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** JSON as it is, or the report's table through the one exporter. */
  private async out<T, Row>(q: ReportQuery, res: Response, json: T, table: (json: T) => ReportTable<Row>) {
    if (q.format === 'csv') return send(res, this.reports.exporter.csv(table(json)));
    if (q.format === 'xlsx') return send(res, await this.reports.exporter.xlsx([table(json) as ReportTable<unknown>]));
    return json;
  }

  @Get('summary')
  @ReportQueryDocs('Totals by status and traffic light, completion and on-time rates, overdue, due in 7/30 days')
  async summary(@CurrentUser() user: AuthUser, @Query() q: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.summary(user, q), summaryTable);
  }

  @Get('units')
  @ReportQueryDocs('Per unit (as lead and as responsible): assigned, completed, on time, overdue, average delay, last progress; ranked')
  @PageDocs()
  @UnitSortDocs()
  async units(@CurrentUser() user: AuthUser, @Query() q: UnitReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.units(user, q), (p) => unitsTable(p.items));
  }

  @Get('appraisal')
  @ReportQueryDocs('考核 per unit: on-time rate against original deadlines, yellow/red notices, late acknowledgements and progress reports')
  async appraisal(@CurrentUser() user: AuthUser, @Query() q: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.appraisal(user, q), (p) => appraisalTable(p.items));
  }

  @Get('people')
  @ReportQueryDocs('The appraisal figures per person (承办人) of a unit; unit heads see their own unit')
  @PageDocs()
  async people(@CurrentUser() user: AuthUser, @Query() q: PagedReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.people(user, q), (p) => peopleTable(p.items));
  }

  @Get('overdue')
  @ReportQueryDocs('Each overdue item: units, days overdue, escalation level reached, last progress')
  @PageDocs()
  async overdue(@CurrentUser() user: AuthUser, @Query() q: PagedReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.overdue(user, q), (p) => overdueTable(p.items));
  }

  @Get('indicators')
  @ReportQueryDocs('Every quantified target (指标): target, latest reported value, percent achieved, on track for its deadline')
  @PageDocs()
  async indicators(@CurrentUser() user: AuthUser, @Query() q: PagedReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.indicators(user, q), (p) => indicatorsTable(p.items));
  }

  @Get('trend')
  @ReportQueryDocs('Completions and newly overdue items per week or month')
  @TrendDocs()
  async trend(@CurrentUser() user: AuthUser, @Query() q: TrendQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.trend(user, q), (t) => trendTable(t.items, t.interval));
  }

  @Get('weekly.xlsx')
  @ApiOperation({ summary: 'The printable weekly 督办通报: one sheet per plan (head figures, red/yellow items, completed this week)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async weekly(@CurrentUser() user: AuthUser, @Query() q: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.reports.weekly(user, q));
  }
}
