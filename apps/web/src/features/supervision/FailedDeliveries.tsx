import { Button, Tag } from 'antd';
import { useFeedback } from '../../app/feedback';
import { CardTable, ItemTitle } from '../../components/CardTable';
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
    <CardTable
      caption="投递失败的提醒"
      rows={items}
      rowKey={(r) => r.id}
      item={(r) => <ItemTitle code={r.taskCode} title={r.taskTitle} to={r.taskId} />}
      columns={[
        { title: '提醒', cell: (r) => <Tag color={NOTICE_COLOR[KIND_LEVEL[r.kind]]}>{label(REMINDER_KIND, r.kind)}</Tag> },
        { title: '对象', cell: (r) => `${r.unitName ?? ''} ${label(AUDIENCE, r.audience)}` },
        { title: '失败时间', className: 'nowrap', cell: (r) => `${formatDateTime(r.failedAt)}（已试 ${r.attempts} 次）` },
        { title: '原因', cell: (r) => r.lastError ?? '—' },
        {
          title: '操作',
          cell: (r) => (
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
          ),
        },
      ]}
    />
  );
}

const KIND_LEVEL: Record<string, string> = { remind: 'blue', urge: 'yellow', escalate: 'red' };
