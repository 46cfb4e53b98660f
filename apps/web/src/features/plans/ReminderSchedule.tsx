import { Empty, Skeleton, Tag } from 'antd';
import { Link } from 'react-router';
import { CardTable } from '../../components/CardTable';
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
        <CardTable
          caption={`${title}的提醒计划`}
          className="compact"
          rows={r.data.schedule}
          rowKey={(s) => s.id}
          columns={[
            { title: '时间', className: 'nowrap', cell: (s) => formatDateTime(s.dueAt) },
            { title: '级别', cell: (s) => <Tag color={NOTICE_COLOR[s.noticeLevel]}>{label(REMINDER_KIND, s.kind)}</Tag> },
            { title: '对象', cell: (s) => `${s.unitName ?? ''} ${label(AUDIENCE, s.audience)}` },
            { title: '事由', cell: (s) => label(REASON, s.reason) },
            { title: '渠道', cell: (s) => s.channels.map((c) => CHANNEL[c] ?? c).join('、') },
            {
              title: '状态',
              cell: (s) => (
                <>
                  {label(REMINDER_STATE, s.state)}
                  {s.sentAt && <div className="task-sub">{formatDateTime(s.sentAt)}</div>}
                  {s.lastError && <div className="task-sub">{s.lastError}</div>}
                </>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}
