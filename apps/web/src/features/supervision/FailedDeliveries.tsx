import { Button, Tag } from 'antd';
import { Link } from 'react-router';
import { useFeedback } from '../../app/feedback';
import { messageOf } from '../../api/errors';
import { NOTICE_COLOR } from '../../lib/colors';
import { formatDateTime } from '../../lib/dates';
import { AUDIENCE, label, REMINDER_KIND } from '../../lib/labels';
import { FailedReminder, useRetryReminder } from './supervision-queries';

/** Reminders that could not be delivered after every retry, each with 重新发送. */
export function FailedDeliveries({ items }: { items: FailedReminder[] }) {
  const retry = useRetryReminder();
  const { message } = useFeedback();
  return (
    <table className="task-table">
      <caption className="visually-hidden">投递失败的提醒</caption>
      <thead>
        <tr>
          <th scope="col">责任事项</th>
          <th scope="col">提醒</th>
          <th scope="col">对象</th>
          <th scope="col">失败时间</th>
          <th scope="col">原因</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <td data-label="责任事项" className="task-title-cell">
              <Link to={`/items/${r.taskId}`} className="task-link">
                <span className="task-code">{r.taskCode}</span> {r.taskTitle}
              </Link>
            </td>
            <td data-label="提醒">
              <Tag color={NOTICE_COLOR[KIND_LEVEL[r.kind]]}>{label(REMINDER_KIND, r.kind)}</Tag>
            </td>
            <td data-label="对象">
              {r.unitName ?? ''} {label(AUDIENCE, r.audience)}
            </td>
            <td data-label="失败时间" className="nowrap">
              {formatDateTime(r.failedAt)}（已试 {r.attempts} 次）
            </td>
            <td data-label="原因">{r.lastError ?? '—'}</td>
            <td data-label="操作">
              <Button
                size="small"
                loading={retry.isPending && retry.variables === r.id}
                aria-label={`重新发送：${r.taskTitle}`}
                onClick={() =>
                  retry.mutate(r.id, {
                    onSuccess: () => void message.success('已重新排队发送'),
                    onError: (e) => void message.error(messageOf(e)),
                  })
                }
              >
                重新发送
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const KIND_LEVEL: Record<string, string> = { remind: 'blue', urge: 'yellow', escalate: 'red' };
