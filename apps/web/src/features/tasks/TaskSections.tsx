import { Descriptions, Empty, Progress, Tag, Timeline, Typography } from 'antd';
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
      <table className="task-table">
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">角色</th>
            <th scope="col">承办人</th>
            <th scope="col">本单位状态</th>
            <th scope="col">进度</th>
            <th scope="col">时限状态</th>
            <th scope="col">最近报送</th>
          </tr>
        </thead>
        <tbody>
          {task.assignments.map((a) => (
            <tr key={a.id}>
              <td data-label="单位">{a.unitName}</td>
              <td data-label="角色">
                <Tag color={ROLE_COLOR[a.role]}>{label(UNIT_ROLE, a.role)}</Tag>
              </td>
              <td data-label="承办人">{a.assignee?.name ?? '未分办'}</td>
              <td data-label="本单位状态">{label(PART_STATUS, a.status)}</td>
              <td data-label="进度">{a.progress}%</td>
              <td data-label="时限状态">
                {a.role === 'assisting' ? '配合单位不计时限' : <LightBadge status={task.status} light={a.light} overdue={a.light === 'red'} />}
              </td>
              <td data-label="最近报送">{formatDateTime(a.lastProgressAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function StepsSection({ task }: { task: TaskDetail }) {
  if (!task.steps.length) return null;
  return (
    <Section title="工作步骤">
      <table className="task-table">
        <thead>
          <tr>
            <th scope="col">步骤</th>
            <th scope="col">完成时限</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {task.steps.map((s) => (
            <tr key={s.id}>
              <td data-label="步骤">
                {s.code} {s.text}
              </td>
              <td data-label="完成时限">{s.deadlineText ?? formatDate(s.dueAt)}</td>
              <td data-label="状态">{s.status === 'completed' ? `已完成（${formatDate(s.completedAt)}）` : '未完成'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function IndicatorsSection({ task, reports }: { task: TaskDetail; reports: ReportedProgress[] }) {
  const indicators = task.indicators as Indicator[];
  if (!indicators.length) return null;
  const latest = latestIndicatorValues(reports);
  return (
    <Section title="量化指标">
      <table className="task-table">
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">目标</th>
            <th scope="col">最新报送值</th>
            <th scope="col">指标时限</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => {
            const got = latest.get(i.name);
            return (
              <tr key={i.name}>
                <td data-label="指标">{i.name}</td>
                <td data-label="目标">
                  {i.comparator === '>=' ? '不少于' : i.comparator === '<=' ? '不超过' : '达到'} {i.value}
                  {i.unit}
                </td>
                <td data-label="最新报送值">{got ? `${got.value}${i.unit}（${formatDate(got.at)}）` : '尚未报送'}</td>
                <td data-label="指标时限">{i.deadline ? formatDate(i.deadline) : '同事项时限'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}

export function ExtensionsSection({ extensions }: { extensions: Extension[] }) {
  if (!extensions.length) return null;
  return (
    <Section title="延期申请">
      <table className="task-table">
        <thead>
          <tr>
            <th scope="col">申请时间</th>
            <th scope="col">申请延至</th>
            <th scope="col">理由</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {[...extensions].reverse().map((e) => (
            <tr key={e.id}>
              <td data-label="申请时间">{formatDateTime(e.createdAt)}</td>
              <td data-label="申请延至">{formatDate(e.requestedDueAt)}</td>
              <td data-label="理由">{e.reason}</td>
              <td data-label="状态">
                <Tag color={EXTENSION_COLOR[e.status]}>{label(EXTENSION_STATUS, e.status)}</Tag>
                {e.decisionReason && <span>（{e.decisionReason}）</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
