import { Descriptions, Empty, Progress, Tag, Timeline, Typography } from 'antd';
import { CardTable } from '../../components/CardTable';
import { LightBadge } from '../../components/LightBadge';
import { Section } from '../../components/Section';
import { formatDate, formatDateTime } from '../../lib/dates';
import { EXTENSION_STATUS, HISTORY_ACTION, label, PART_STATUS, TASK_STATUS, UNIT_ROLE } from '../../lib/labels';
import { assignmentOf, latestIndicatorValues, reasonOf, ReportedProgress } from './history';
import { StoredFileLink } from './StoredFileLink';
import type { Indicator } from './ProgressModal';
import { EXTENSION_COLOR, ROLE_COLOR } from '../../lib/colors';
import type { Deadline, Extension, HistoryEvent, TaskDetail } from './task-queries';

export function BasicInfo({ task, deadline }: { task: TaskDetail; deadline?: Deadline }) {
  const moved = task.originalDueAt !== task.dueAt;
  return (
    <Section title="基本信息">
      <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
        <Descriptions.Item label="所属方案">{task.planTitle}</Descriptions.Item>
        {task.group && <Descriptions.Item label="所属部分">{[task.group, task.section].filter(Boolean).join(' / ')}</Descriptions.Item>}
        <Descriptions.Item label="状态">{label(TASK_STATUS, task.status)}</Descriptions.Item>
        <Descriptions.Item label="完成时限">
          {formatDateTime(task.dueAt)}
          {task.deadlineText && <span style={{ color: '#595959' }}>（{task.deadlineText}）</span>}
        </Descriptions.Item>
        {moved && <Descriptions.Item label="原定时限">{formatDateTime(task.originalDueAt)}（已批准延期）</Descriptions.Item>}
        <Descriptions.Item label="时限状态">
          <LightBadge status={task.status} light={task.light} overdue={task.overdue} daysOverdue={deadline?.daysOverdue} workdaysLeft={deadline?.workdaysLeft} />
        </Descriptions.Item>
        <Descriptions.Item label="总体进度">
          <Progress percent={task.progress} size="small" style={{ width: 140, margin: 0 }} aria-label={`总体进度 ${task.progress}%`} />
        </Descriptions.Item>
        <Descriptions.Item label="签收时间">{formatDateTime(task.acknowledgedAt)}</Descriptions.Item>
        <Descriptions.Item label="最近报送">{formatDateTime(task.lastProgressAt)}</Descriptions.Item>
        {task.statusReason && <Descriptions.Item label={task.status === 'returned' ? '退回原因' : '说明'}>{task.statusReason}</Descriptions.Item>}
      </Descriptions>
    </Section>
  );
}

export function ContentSection({ task }: { task: TaskDetail }) {
  return (
    <Section title="事项内容">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: task.goal ? 8 : 0 }}>{task.content || task.title}</Typography.Paragraph>
      {task.goal && <Typography.Paragraph style={{ marginBottom: 0 }}>工作目标：{task.goal}</Typography.Paragraph>}
    </Section>
  );
}

export function UnitsSection({ task }: { task: TaskDetail }) {
  return (
    <Section title="责任单位及办理情况">
      <CardTable
        rows={task.assignments}
        rowKey={(a) => a.id}
        columns={[
          { title: '单位', cell: (a) => a.unitName },
          { title: '角色', cell: (a) => <Tag color={ROLE_COLOR[a.role]}>{label(UNIT_ROLE, a.role)}</Tag> },
          { title: '承办人', cell: (a) => a.assignee?.name ?? '未分办' },
          { title: '本单位状态', cell: (a) => label(PART_STATUS, a.status) },
          { title: '进度', cell: (a) => `${a.progress}%` },
          {
            title: '时限状态',
            cell: (a) => (a.role === 'assisting' ? '配合单位不计时限' : <LightBadge status={task.status} light={a.light} overdue={a.light === 'red'} />),
          },
          { title: '最近报送', cell: (a) => formatDateTime(a.lastProgressAt) },
        ]}
      />
    </Section>
  );
}

export function StepsSection({ task }: { task: TaskDetail }) {
  if (!task.steps.length) return null;
  return (
    <Section title="工作步骤">
      <CardTable
        rows={task.steps}
        rowKey={(st) => st.id}
        columns={[
          { title: '步骤', cell: (st) => `${st.code} ${st.text}` },
          { title: '完成时限', cell: (st) => st.deadlineText ?? formatDate(st.dueAt) },
          { title: '状态', cell: (st) => (st.status === 'completed' ? `已完成（${formatDate(st.completedAt)}）` : '未完成') },
        ]}
      />
    </Section>
  );
}

export function IndicatorsSection({ task, reports }: { task: TaskDetail; reports: ReportedProgress[] }) {
  const indicators = task.indicators as Indicator[];
  if (!indicators.length) return null;
  const latest = latestIndicatorValues(reports);
  return (
    <Section title="量化指标">
      <CardTable
        rows={indicators}
        rowKey={(i) => i.name}
        columns={[
          { title: '指标', cell: (i) => i.name },
          { title: '目标', cell: (i) => `${i.comparator === '>=' ? '不少于' : i.comparator === '<=' ? '不超过' : '达到'} ${i.value}${i.unit}` },
          {
            title: '最新报送值',
            cell: (i) => {
              const got = latest.get(i.name);
              return got ? `${got.value}${i.unit}（${formatDate(got.at)}）` : '尚未报送';
            },
          },
          { title: '指标时限', cell: (i) => (i.deadline ? formatDate(i.deadline) : '同事项时限') },
        ]}
      />
    </Section>
  );
}

export function ExtensionsSection({ extensions }: { extensions: Extension[] }) {
  if (!extensions.length) return null;
  return (
    <Section title="延期申请">
      <CardTable
        rows={[...extensions].reverse()}
        rowKey={(e) => e.id}
        columns={[
          { title: '申请时间', cell: (e) => formatDateTime(e.createdAt) },
          { title: '申请延至', cell: (e) => formatDate(e.requestedDueAt) },
          { title: '理由', cell: (e) => e.reason },
          {
            title: '状态',
            cell: (e) => (
              <>
                <Tag color={EXTENSION_COLOR[e.status]}>{label(EXTENSION_STATUS, e.status)}</Tag>
                {e.decisionReason && <span>（{e.decisionReason}）</span>}
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}

export function ProgressSection({ reports, unitName }: { reports: ReportedProgress[]; unitName(id: string | null): string }) {
  return (
    <Section title="进展报送">
      {reports.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未报送进展" />
      ) : (
        <ol className="report-list">
          {reports.map((r) => (
            <li key={r.id} className="report">
              <div className="report-head">
                <strong>{r.percent}%</strong>
                <span>{unitName(r.unitId)}</span>
                <span>{r.by}</span>
                <time dateTime={r.at}>{formatDateTime(r.at)}</time>
              </div>
              {r.note && <p className="report-note">{r.note}</p>}
              {r.indicatorValues.length > 0 && <p className="report-note">指标：{r.indicatorValues.map((v) => `${v.name} ${v.value}`).join('；')}</p>}
              {(r.evidence.length > 0 || r.files.length > 0) && (
                <div>
                  佐证材料：
                  <ul className="evidence-list">
                    {r.files.map((f) => (
                      <li key={f.id}>
                        <StoredFileLink file={f} />
                      </li>
                    ))}
                    {r.evidence.map((url) => (
                      <li key={url}>
                        <a href={url} target="_blank" rel="noopener noreferrer">
                          {url}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

export function HistorySection({ events }: { events: HistoryEvent[] }) {
  return (
    <Section title="办理记录">
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
      ) : (
        <Timeline
          items={[...events].reverse().map((e) => {
            const reason = reasonOf(e);
            const assignment = assignmentOf(e);
            return {
              key: e.id,
              content: (
                <div>
                  <strong>{label(HISTORY_ACTION, e.action)}</strong> <span style={{ color: '#595959' }}>{e.actorName ?? '系统'}</span>{' '}
                  <time dateTime={e.at} style={{ color: '#595959' }}>
                    {formatDateTime(e.at)}
                  </time>
                  {assignment && <div>单位：{assignment}</div>}
                  {reason && <div>原因：{reason}</div>}
                </div>
              ),
            };
          })}
        />
      )}
    </Section>
  );
}
