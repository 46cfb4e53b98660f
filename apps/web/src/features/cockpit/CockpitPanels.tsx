import { Segmented, Skeleton, Tag } from 'antd';
import type { SegmentedOptions } from 'antd/es/segmented';
import { Meter } from '../../components/Meter';
import { lazy, ReactNode, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CardTable, ItemTitle, TableProps } from '../../components/CardTable';
import { Section } from '../../components/Section';
import { formatDate } from '../../lib/dates';
import { NOTICE_LEVEL } from '../../lib/labels';
import { ledgerSearch } from '../supervision/ledger-query';
import { ReportFilter, Summary, useIndicators, useOverdue, useTrend, useUnitRanking } from './report-queries';

// ECharts is large: it loads with the first chart, never with the rest of the app.
const EChart = lazy(() => import('./EChart'));
const chart = (node: React.ReactNode, height: number) => <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>{node}</Suspense>;
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const LIGHT_COLORS = { green: '#237804', yellow: '#d48806', red: '#c4161c', none: '#8c8c8c' };

export function LightPie({ s, filter }: { s: Summary; filter: ReportFilter }) {
  const navigate = useNavigate();
  const slices = [
    { key: 'green', name: '绿灯', value: s.byLight.green },
    { key: 'yellow', name: '黄灯', value: s.byLight.yellow },
    { key: 'red', name: '红灯', value: s.byLight.red },
  ] as const;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          label: { formatter: '{b} {c}' },
          data: slices.map((x) => ({ name: x.name, value: x.value, itemStyle: { color: LIGHT_COLORS[x.key] } })),
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [s],
  );
  return (
    <Section title="红黄绿灯分布">
      {chart(
        <EChart
          option={option}
          height={260}
          label={`绿灯 ${s.byLight.green} 项，黄灯 ${s.byLight.yellow} 项，红灯 ${s.byLight.red} 项`}
          onPick={(_n, i) => navigate(`/ledger${ledgerSearch({ ...filter, light: slices[i].key })}`)}
        />,
        260,
      )}
    </Section>
  );
}

export function UnitRanking({ filter }: { filter: ReportFilter }) {
  const units = useUnitRanking(filter);
  const navigate = useNavigate();
  const rows = useMemo(() => units.data?.items ?? [], [units.data]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.unitName) },
      series: [{ type: 'bar', name: '办结率', data: rows.map((r) => Math.round((r.completionRate ?? 0) * 1000) / 10), itemStyle: { color: '#0958d9' } }],
    }),
    [rows],
  );
  return (
    <Section title="单位办结率排名">
      {!units.data ? (
        <Skeleton active />
      ) : (
        <>
          {chart(
            <EChart
              option={option}
              height={Math.max(160, rows.length * 32)}
              label={`各单位办结率排名，第一名 ${rows[0]?.unitName ?? '无'}`}
              onPick={(_n, i) => rows[i] && navigate(`/ledger${ledgerSearch({ ...filter, unitId: rows[i].unitId })}`)}
            />,
            Math.max(160, rows.length * 32),
          )}
          <CardTable
            caption="单位排名"
            className="compact rank-table"
            rows={rows}
            rowKey={(r) => r.unitId}
            columns={[
              { title: '名次', cell: (r) => r.rank },
              { title: '单位', cell: (r) => <Link to={`/ledger${ledgerSearch({ ...filter, unitId: r.unitId })}`}>{r.unitName}</Link> },
              { title: '承办', cell: (r) => r.assigned },
              { title: '办结率', cell: (r) => pct(r.completionRate) },
              {
                title: '超期',
                cell: (r) => (r.overdue > 0 ? <Link to={`/ledger${ledgerSearch({ ...filter, unitId: r.unitId, overdue: true })}`}>{r.overdue}</Link> : 0),
              },
            ]}
          />
        </>
      )}
    </Section>
  );
}

type Interval = 'week' | 'month';
const INTERVALS: SegmentedOptions<Interval> = [
  { value: 'week', label: '按周' },
  { value: 'month', label: '按月' },
];

export function Trend({ filter }: { filter: ReportFilter }) {
  const [interval, setInterval] = useState<Interval>('month');
  const trend = useTrend(filter, interval);
  const rows = useMemo(() => trend.data?.items ?? [], [trend.data]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.periodStart.slice(interval === 'month' ? 0 : 5, interval === 'month' ? 7 : 10)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'line', name: '办结', data: rows.map((r) => r.completed), itemStyle: { color: '#237804' } },
        { type: 'line', name: '按时办结', data: rows.map((r) => r.completedOnTime), itemStyle: { color: '#0958d9' }, lineStyle: { type: 'dashed' } },
        { type: 'line', name: '新增超期', data: rows.map((r) => r.newOverdue), itemStyle: { color: '#c4161c' }, lineStyle: { type: 'dotted' } },
      ],
    }),
    [rows, interval],
  );
  const total = (k: 'completed' | 'newOverdue') => rows.reduce((a, r) => a + r[k], 0);
  return (
    <Section
      title="办结与超期趋势"
      extra={<Segmented<Interval> aria-label="统计周期" value={interval} onChange={setInterval} options={INTERVALS} />}
    >
      {!trend.data ? <Skeleton active /> : chart(<EChart option={option} height={260} label={`期间共办结 ${total('completed')} 项，新增超期 ${total('newOverdue')} 项`} />, 260)}
    </Section>
  );
}

/** A report's rows as a compact table in its section: a skeleton while loading, a sentence when there are none. */
function RowsPanel<R>({ title, extra, data, empty, ...table }: { title: string; extra?: ReactNode; data?: { items: R[] }; empty: string } & Pick<TableProps<R>, 'caption' | 'columns' | 'rowKey' | 'item'>) {
  return (
    <Section title={title} extra={extra}>
      {!data ? <Skeleton active /> : data.items.length === 0 ? <p>{empty}</p> : <CardTable className="compact" rows={data.items} {...table} />}
    </Section>
  );
}

export function Indicators({ filter }: { filter: ReportFilter }) {
  return (
    <RowsPanel
      title="量化指标完成情况"
      data={useIndicators(filter).data}
      empty="暂无量化指标"
      caption="量化指标"
      rowKey={(r, i) => `${r.planId}-${r.code}-${r.name}-${i}`}
      columns={[
        { title: '指标', cell: (r) => (r.taskId ? <Link to={`/items/${r.taskId}`}>{`${r.code} ${r.name}`}</Link> : `${r.code} ${r.name}`) },
        { title: '目标', cell: (r) => `${r.comparator} ${r.target}${r.unit ?? ''}` },
        { title: '最新值', cell: (r) => r.latestValue ?? '未报送' },
        { title: '完成率', cell: (r) => (r.percentAchieved === null ? '—' : <Meter percent={Math.min(100, r.percentAchieved)} label={`${r.name} 完成率`} />) },
        { title: '序时进度', cell: (r) => (r.onTrack ? <Tag color="#237804">达到序时进度</Tag> : <Tag color="#c4161c">落后于序时进度</Tag>) },
      ]}
    />
  );
}

export function OverdueList({ filter }: { filter: ReportFilter }) {
  const od = useOverdue(filter);
  return (
    <RowsPanel
      title={`超期事项${od.data ? `（${od.data.total}）` : ''}`}
      extra={<Link to={`/ledger${ledgerSearch({ ...filter, overdue: true })}`}>全部超期事项</Link>}
      data={od.data}
      empty="没有超期事项"
      caption="超期事项"
      rowKey={(r) => r.taskId}
      item={(r) => <ItemTitle code={r.code} title={r.title} to={r.taskId} />}
      columns={[
        { title: '牵头单位', cell: (r) => r.leadUnits.join('、') },
        { title: '完成时限', cell: (r) => formatDate(r.dueAt) },
        { title: '超期', cell: (r) => `${r.daysOverdue} 天` },
        { title: '已发', cell: (r) => (r.escalationLevel ? NOTICE_LEVEL[r.escalationLevel] : '—') },
      ]}
    />
  );
}
