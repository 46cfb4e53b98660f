import { shanghaiDate } from '@app/domain';
import type { AppraisalRow, IndicatorRow, OverdueRow, PersonRow, PlanHeadRow, SummaryRow, UnitReportRow, WeeklyItemRow } from '@app/persistence';
import type {
  AppraisalRowResponse,
  IndicatorReportResponse,
  OverdueReportResponse,
  PersonReportResponse,
  SummaryReportResponse,
  TrendRowResponse,
  UnitReportResponse,
} from './dto/report.response';
import { col, ReportColumn, ReportTable, shanghaiDateTime } from './export/report-table';
import type { TaskSummaryResponse } from '../tasks/dto/task.response';

/** Rows from the repository mapped to the API's shapes (dto/report.response.ts), never passed through. */
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

export function toSummaryDto(r: SummaryRow, now: Date): SummaryReportResponse {
  const byStatus = Object.fromEntries(
    ['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned', 'completed', 'suspended', 'cancelled'].map((s) => [s, r.byStatus[s] ?? 0]),
  );
  return {
    asOf: now.toISOString(),
    total: r.total,
    overdue: r.overdue,
    completed: r.completed,
    completedOnTime: r.completedOnTime,
    cancelled: r.cancelled,
    byStatus,
    byLight: r.byLight,
    completionRate: rate(r.completed, r.total - r.cancelled),
    onTimeCompletionRate: rate(r.completedOnTime, r.completed),
    averageDaysOverdue: r.averageDaysOverdue,
    dueNext7: r.dueNext7,
    dueNext30: r.dueNext30,
  };
}

export const toUnitDto = (r: UnitReportRow): UnitReportResponse => ({ ...r, lastProgressAt: iso(r.lastProgressAt) });

export const toAppraisalDto = (r: AppraisalRow): AppraisalRowResponse => ({ ...r });

export const toPersonDto = (r: PersonRow): PersonReportResponse => ({ ...r, lastProgressAt: iso(r.lastProgressAt) });

export const toOverdueDto = (r: OverdueRow): OverdueReportResponse => ({
  ...r,
  dueAt: r.dueAt.toISOString(),
  originalDueAt: r.originalDueAt.toISOString(),
  lastProgressAt: iso(r.lastProgressAt),
});

export const toIndicatorDto = (r: IndicatorRow): IndicatorReportResponse => ({ ...r, reportedAt: iso(r.reportedAt) });

/** The summary as a two-column table (指标 / 数值) for CSV and XLSX. */
export interface SummaryLine {
  metric: string;
  value: number | null;
}

const STATUS_LABEL: Record<string, string> = {
  assigned: '已交办',
  acknowledged: '已签收',
  in_progress: '办理中',
  submitted: '已报结',
  returned: '已退回',
  completed: '已办结',
  suspended: '已暂停',
  cancelled: '已撤销',
};

export function summaryLines(s: SummaryReportResponse): SummaryLine[] {
  return [
    { metric: '事项总数', value: s.total },
    { metric: '逾期事项', value: s.overdue },
    ...Object.entries(s.byStatus).map(([k, v]) => ({ metric: `状态:${STATUS_LABEL[k] ?? k}`, value: v })),
    { metric: '绿灯', value: s.byLight.green },
    { metric: '黄灯', value: s.byLight.yellow },
    { metric: '红灯', value: s.byLight.red },
    { metric: '无灯(已办结/暂停/撤销)', value: s.byLight.none },
    { metric: '办结率', value: s.completionRate },
    { metric: '按时办结率', value: s.onTimeCompletionRate },
    { metric: '平均逾期天数', value: s.averageDaysOverdue },
    { metric: '7日内到期', value: s.dueNext7 },
    { metric: '30日内到期', value: s.dueNext30 },
  ];
}

/** 计划 / 编号 / 责任事项: how every table of items starts (a column of these keys fits any such row). */
type ItemHead = { planTitle: string; code: string; title: string };
const ITEM_COLUMNS: ReportColumn<ItemHead>[] = [col('planTitle', '计划', 'text', 28), col('code', '编号', 'text', 8), col('title', '责任事项', 'text', 40)];

/** 黄色催办 / 红色督办: the notices a unit or person received (appraisal and people reports). */
const NOTICE_COLUMNS: ReportColumn<{ yellowNotices: number; redNotices: number }>[] = [
  col('yellowNotices', '黄色催办', 'int', 10),
  col('redNotices', '红色督办', 'int', 10),
];
/** 最近报送进展: when the unit or person last reported progress. */
const LAST_REPORTED: ReportColumn<{ lastProgressAt: string | null }> = col('lastProgressAt', '最近报送进展', 'datetime', 18);

export const summaryTable = (s: SummaryReportResponse): ReportTable<SummaryLine> => ({
  title: '督办事项汇总',
  columns: [col<SummaryLine>('metric', '指标', 'text', 28), col<SummaryLine>('value', '数值', 'number', 14)],
  rows: summaryLines(s),
});

export const unitsTable = (rows: UnitReportResponse[]): ReportTable<UnitReportResponse> => ({
  title: '单位办理情况排名',
  columns: [
    col('rank', '排名', 'int', 6),
    col('unitName', '单位', 'text', 24),
    col('assigned', '承办事项', 'int', 10),
    col('asLead', '牵头', 'int', 8),
    col('asResponsible', '责任', 'int', 8),
    col('assisting', '配合', 'int', 8),
    col('completed', '已办结', 'int', 8),
    col('onTime', '按时办结', 'int', 10),
    col('overdue', '逾期', 'int', 8),
    col('completionRate', '办结率', 'rate', 10),
    col('onTimeRate', '按时办结率', 'rate', 12),
    col('averageDelayDays', '平均延误天数', 'number', 14),
    LAST_REPORTED,
  ],
  rows,
});

export const appraisalTable = (rows: AppraisalRowResponse[]): ReportTable<AppraisalRowResponse> => ({
  title: '单位考核情况',
  columns: [
    col('unitName', '单位', 'text', 24),
    col('assigned', '承办事项', 'int', 10),
    col('appraised', '应考核事项', 'int', 12),
    col('onTime', '按原定时限完成', 'int', 16),
    col('late', '超时', 'int', 8),
    col('extendedInTime', '按期获批延期', 'int', 14),
    col('onTimeRate', '按时完成率', 'rate', 12),
    ...NOTICE_COLUMNS,
    col('lateAcknowledgements', '超时签收', 'int', 10),
    col('lateProgressReports', '逾期未报进展', 'int', 14),
  ],
  rows,
});

export const peopleTable = (rows: PersonReportResponse[]): ReportTable<PersonReportResponse> => ({
  title: '承办人办理情况',
  columns: [
    col('unitName', '单位', 'text', 22),
    col('displayName', '承办人', 'text', 14),
    col('username', '账号', 'text', 14),
    col('items', '报送事项', 'int', 10),
    col('reports', '报送次数', 'int', 10),
    col('completed', '已办结', 'int', 8),
    col('onTime', '按时完成', 'int', 10),
    col('late', '超时', 'int', 8),
    col('overdue', '逾期', 'int', 8),
    col('onTimeRate', '按时完成率', 'rate', 12),
    ...NOTICE_COLUMNS,
    LAST_REPORTED,
  ],
  rows,
});

export const overdueTable = (rows: OverdueReportResponse[]): ReportTable<OverdueReportResponse> => ({
  title: '逾期事项清单',
  columns: [
    ...ITEM_COLUMNS,
    col('leadUnits', '牵头单位', 'list', 20),
    col('responsibleUnits', '责任单位', 'list', 28),
    col('dueAt', '完成时限', 'datetime', 18),
    col('daysOverdue', '逾期天数', 'int', 10),
    col('escalationLevel', '已发督办级别', 'text', 14),
    col('progress', '进度(%)', 'int', 10),
    col('lastProgressAt', '最近进展时间', 'datetime', 18),
    col('lastProgressNote', '最近进展', 'text', 40),
  ],
  rows,
});

export const indicatorsTable = (rows: IndicatorReportResponse[]): ReportTable<IndicatorReportResponse> => ({
  title: '量化指标完成情况',
  columns: [
    col('planTitle', '计划', 'text', 28),
    col('code', '编号', 'text', 8),
    col('label', '事项/目标', 'text', 36),
    col('name', '指标', 'text', 24),
    col('comparator', '比较', 'text', 6),
    col('target', '目标值', 'number', 10),
    col('unit', '单位', 'text', 8),
    col('latestValue', '最新报送值', 'number', 12),
    col('percentAchieved', '完成率(%)', 'number', 12),
    col('deadline', '时限', 'date', 12),
    col('elapsedPercent', '时间进度(%)', 'number', 12),
    col('onTrack', '是否达序时进度', 'boolean', 14),
  ],
  rows,
});

export const trendTable = (rows: TrendRowResponse[], interval: 'week' | 'month'): ReportTable<TrendRowResponse> => ({
  title: interval === 'week' ? '按周趋势' : '按月趋势',
  columns: [
    col('periodStart', '起始日期', 'date', 12),
    col('periodEnd', '截止日期', 'date', 12),
    col('completed', '办结', 'int', 8),
    col('completedOnTime', '按时办结', 'int', 10),
    col('newOverdue', '新增逾期', 'int', 10),
  ],
  rows,
});

/** One row of the 总台账 export: an item as GET /tasks lists it, with its state in words. */
export interface ItemExportRow {
  planTitle: string;
  code: string;
  title: string;
  leadUnits: string[];
  status: string;
  light: string;
  dueAt: string;
  originalDueAt: string;
  progress: number;
}

const LIGHT_LABEL: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯', none: '' };

export const toItemExportRow = (t: TaskSummaryResponse): ItemExportRow => ({
  planTitle: t.planTitle,
  code: t.code,
  title: t.title,
  leadUnits: t.leadUnits,
  status: STATUS_LABEL[t.status] ?? t.status,
  light: t.overdue ? '红灯(逾期)' : (LIGHT_LABEL[t.light] ?? t.light),
  dueAt: t.dueAt,
  originalDueAt: t.originalDueAt,
  progress: t.progress,
});

export const itemsTable = (rows: ItemExportRow[]): ReportTable<ItemExportRow> => ({
  title: '总台账',
  columns: [
    ...ITEM_COLUMNS,
    col('leadUnits', '牵头单位', 'list', 24),
    col('status', '状态', 'text', 10),
    col('light', '灯色', 'text', 10),
    col('dueAt', '完成时限', 'datetime', 18),
    col('originalDueAt', '原定时限', 'datetime', 18),
    col('progress', '进度(%)', 'int', 10),
  ],
  rows,
});

/** One line of a plan's sheet in the weekly 督办通报. */
type WeeklyLine = { n: number; code: string; title: string; lead: string; resp: string; due: string; light: string; days: number; progress: number; last: string };

/** A plan's sheet of the weekly 督办通报: its items needing attention or completed this week, numbered. */
export const weeklyTable = (h: PlanHeadRow, items: WeeklyItemRow[]): ReportTable<WeeklyLine> => ({
  title: h.title,
  columns: [
    col('n', '序号', 'int', 6),
    col('code', '编号', 'text', 8),
    col('title', '责任事项', 'text', 40),
    col('lead', '牵头单位', 'text', 18),
    col('resp', '责任单位', 'text', 24),
    col('due', '完成时限', 'date', 12),
    col('light', '状态', 'text', 10),
    col('days', '逾期天数', 'int', 10),
    col('progress', '进度(%)', 'int', 9),
    col('last', '最近进展', 'text', 40),
  ],
  rows: items.map((i, n) => ({
    n: n + 1,
    code: i.code,
    title: i.title,
    lead: i.leadUnits.join('、'),
    resp: i.responsibleUnits.join('、'),
    due: shanghaiDate(i.dueAt),
    light: i.status === 'completed' ? '本周办结' : ({ ...LIGHT_LABEL, none: '—' }[i.light] ?? i.light),
    days: i.daysOverdue,
    progress: i.progress,
    last: i.lastProgressAt ? `${shanghaiDateTime(i.lastProgressAt.toISOString())} ${i.lastProgressNote ?? ''}`.trim() : '',
  })),
});
