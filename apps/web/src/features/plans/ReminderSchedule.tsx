import { Empty, Skeleton, Tag } from 'antd';
import { Link } from 'react-router';
import { Section } from '../../components/Section';
import { NOTICE_COLOR } from '../../lib/colors';
import { formatDateTime } from '../../lib/dates';
import { AUDIENCE, label, REMINDER_KIND, REMINDER_STATE } from '../../lib/labels';
import { useTaskReminders } from './plan-queries';

const REASON: Record<string, string> = { deadline: '完成时限', acknowledgement: '签收', progress_cycle: '定期报送' };
const CHANNEL: Record<string, string> = { email: '邮件', inbox: '站内', webhook: '群机器人' };

/** One item's reminders: planned and sent, when, to whom, by which channel, and in what state. */
export function ReminderSchedule({ taskId, title }: { taskId: string; title: string }) {
  const r = useTaskReminders(taskId);
  return (
    <Section title={`提醒计划：${title}`} extra={<Link to={`/items/${taskId}`}>事项详情</Link>}>
      {!r.data ? (
        <Skeleton active />
      ) : r.data.schedule.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有安排提醒" />
      ) : (
        <table className="task-table compact">
          <caption className="visually-hidden">{`${title}的提醒计划`}</caption>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">级别</th>
              <th scope="col">对象</th>
              <th scope="col">事由</th>
              <th scope="col">渠道</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {r.data.schedule.map((s) => (
              <tr key={s.id}>
                <td data-label="时间" className="nowrap">
                  {formatDateTime(s.dueAt)}
                </td>
                <td data-label="级别">
                  <Tag color={NOTICE_COLOR[s.noticeLevel]}>{label(REMINDER_KIND, s.kind)}</Tag>
                </td>
                <td data-label="对象">{`${s.unitName ?? ''} ${label(AUDIENCE, s.audience)}`}</td>
                <td data-label="事由">{label(REASON, s.reason)}</td>
                <td data-label="渠道">{s.channels.map((c) => CHANNEL[c] ?? c).join('、')}</td>
                <td data-label="状态">
                  {label(REMINDER_STATE, s.state)}
                  {s.sentAt && <div className="task-sub">{formatDateTime(s.sentAt)}</div>}
                  {s.lastError && <div className="task-sub">{s.lastError}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
