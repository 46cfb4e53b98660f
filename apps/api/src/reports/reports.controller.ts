import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../common/current-user';
import { ItemReportQuery, PagedReportQuery, ReportQuery, TrendQuery, UnitReportQuery } from './dto/report-query.dto';
import { ExportFile } from './export/report-exporter';
import { ReportTable } from './export/report-table';
import {
  AppraisalReportResponse,
  IndicatorReportResponse,
  OverdueReportResponse,
  PersonReportResponse,
  SummaryReportResponse,
  TrendReportResponse,
  UnitReportResponse,
} from './dto/report.response';
import { TaskSummaryResponse } from '../tasks/dto/task.response';
import { Report, ReportOkResponse, ReportsApi, TrendDocs, UnitSortDocs, WeeklyOkResponse, XLSX } from './report-docs';
import {
  appraisalTable,
  indicatorsTable,
  itemsTable,
  overdueTable,
  peopleTable,
  summaryTable,
  toItemExportRow,
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

  @Report('summary', 'Totals by status and traffic light, completion and on-time rates, overdue, due in 7/30 days', SummaryReportResponse, { csvExample: '\ufeff指标,数值\r\n事项总数,42\r\n逾期事项,3\r\n' })
  async summary(@CurrentUser() user: AuthUser, @Query() q: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.summary(user, q), summaryTable);
  }

  @Report('units', 'Per unit (as lead and as responsible): assigned, completed, on time, overdue, average delay, last progress; ranked', UnitReportResponse, { paginated: true, csvExample: '\ufeff排名,单位,承办事项,牵头,责任,配合,已办结,按时办结,逾期,办结率,按时办结率,平均延误天数,最近报送进展\r\n1,武汉市科学技术局,12,8,3,1,4,4,1,33.3%,100.0%,2.5,2025-05-20 15:42\r\n', more: [UnitSortDocs()] })
  async units(@CurrentUser() user: AuthUser, @Query() q: UnitReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.units(user, q), (p) => unitsTable(p.items));
  }

  @Report('appraisal', '考核 per unit: on-time rate against original deadlines, yellow/red notices, late acknowledgements and progress reports', AppraisalReportResponse, { csvExample: '\ufeff单位,承办事项,应考核事项,按原定时限完成,超时,按期获批延期,按时完成率,黄色催办,红色督办,超时签收,逾期未报进展\r\n武汉市科学技术局,12,6,5,1,0,83.3%,2,0,1,0\r\n', errors: [403] })
  async appraisal(@CurrentUser() user: AuthUser, @Query() q: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.appraisal(user, q), (p) => appraisalTable(p.items));
  }

  @Report('people', 'The appraisal figures per person (承办人) of a unit; unit heads see their own unit', PersonReportResponse, { paginated: true, csvExample: '\ufeff单位,承办人,账号,报送事项,报送次数,已办结,按时完成,超时,逾期,按时完成率,黄色催办,红色督办,最近报送进展\r\n武汉市科学技术局,张三,kjj_staff,6,14,3,3,0,1,100.0%,1,0,2025-05-20 15:42\r\n', errors: [403] })
  async people(@CurrentUser() user: AuthUser, @Query() q: PagedReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.people(user, q), (p) => peopleTable(p.items));
  }

  @Report('overdue', 'Each overdue item: units, days overdue, escalation level reached, last progress', OverdueReportResponse, { paginated: true, csvExample: '\ufeff计划,编号,责任事项,牵头单位,责任单位,完成时限,逾期天数,已发督办级别,进度(%),最近进展时间,最近进展\r\n武汉市2025年科技创新工作要点,12,培育高新技术企业,武汉市科学技术局,武汉市财政局,2027-06-30 18:00,9,yellow,40,2025-05-20 15:42,已完成调研，正在起草方案\r\n' })
  async overdue(@CurrentUser() user: AuthUser, @Query() q: PagedReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.overdue(user, q), (p) => overdueTable(p.items));
  }

  @Report('indicators', 'Every quantified target (指标): target, latest reported value, percent achieved, on track for its deadline', IndicatorReportResponse, { paginated: true, csvExample: '\ufeff计划,编号,事项/目标,指标,比较,目标值,单位,最新报送值,完成率(%),时限,时间进度(%),是否达序时进度\r\n武汉市2025年科技创新工作要点,12,培育高新技术企业,高新技术企业数量,>=,1200,家,780,65,2027-06-30,52.1,是\r\n' })
  async indicators(@CurrentUser() user: AuthUser, @Query() q: PagedReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.indicators(user, q), (p) => indicatorsTable(p.items));
  }

  @Report('trend', 'Completions and newly overdue items per week or month', TrendReportResponse, { csvExample: '\ufeff起始日期,截止日期,办结,按时办结,新增逾期\r\n2025-05-01,2025-05-31,6,5,2\r\n', more: [TrendDocs()] })
  async trend(@CurrentUser() user: AuthUser, @Query() q: TrendQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.trend(user, q), (t) => trendTable(t.items, t.interval));
  }

  @Get('items')
  @ApiOperation({ summary: 'The item list (总台账): GET /tasks with the same filters and sort, as JSON or a CSV / XLSX download of every row' })
  @ApiProduces('application/json', 'text/csv', XLSX)
  @ReportOkResponse(TaskSummaryResponse, { paginated: true, csvExample: '\ufeff计划,编号,责任事项,牵头单位,状态,灯色,完成时限,原定时限,进度(%)\r\n武汉市2025年科技创新工作要点,12,培育高新技术企业,武汉市科学技术局,办理中,绿灯,2027-06-30 18:00,2027-06-30 18:00,40\r\n' })
  async items(@CurrentUser() user: AuthUser, @Query() q: ItemReportQuery, @Res({ passthrough: true }) res: Response) {
    return this.out(q, res, await this.reports.items(user, q), (p) => itemsTable(p.items.map(toItemExportRow)));
  }

  @Get('weekly.xlsx')
  @ApiOperation({ summary: 'The printable weekly 督办通报: one sheet per plan (head figures, red/yellow items, completed this week)' })
  @ApiProduces(XLSX)
  @WeeklyOkResponse()
  async weekly(@CurrentUser() user: AuthUser, @Query() q: ReportQuery, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.reports.weekly(user, q));
  }
}
