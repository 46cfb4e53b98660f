import { Alert, Button, Empty, Segmented, Skeleton, Switch, Tag } from 'antd';
import { useFeedback } from '../app/feedback';
import { useId } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { messageOf } from '../api/errors';
import { Pager } from '../components/Pager';
import { InboxFilter, useInbox, useMarkAllRead, useMarkRead } from '../features/inbox/inbox-queries';
import { NOTICE_COLOR, TAG } from '../lib/colors';
import { formatDateTime } from '../lib/dates';
import { label, NOTICE_LEVEL } from '../lib/labels';
import './inbox.css';

const LEVELS = [
  { value: 'all', label: '全部' },
  { value: 'blue', label: '提醒' },
  { value: 'yellow', label: '催办' },
  { value: 'red', label: '督办' },
];

/** 消息中心: every reminder, urge and escalation sent to me, by level, with the item one click away. */
export default function InboxPage() {
  const [params, setParams] = useSearchParams();
  const level = (['blue', 'yellow', 'red'].includes(params.get('level') ?? '') ? params.get('level') : undefined) as InboxFilter['level'];
  const unread = params.get('unread') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const inbox = useInbox({ page, unread: unread || undefined, level });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const unreadId = useId();

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    next.delete('page');
    if (patch.page) next.set('page', patch.page);
    setParams(next);
  };

  const open = (n: { id: string; taskId: string | null; readAt: string | null }) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.taskId) navigate(`/items/${n.taskId}`);
  };

  return (
    <>
      <h1 className="page-title">消息中心</h1>
      <div className="inbox-tools">
        <Segmented aria-label="按级别筛选" value={level ?? 'all'} options={LEVELS} onChange={(v) => set({ level: v === 'all' ? undefined : String(v) })} />
        <span className="inbox-unread">
          <Switch id={unreadId} checked={unread} onChange={(on) => set({ unread: on ? '1' : undefined })} />
          <label htmlFor={unreadId}>只看未读</label>
        </span>
        <Button
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: (d) => void message.success(d.marked ? `已将 ${d.marked} 条标为已读` : '没有未读消息'),
              onError: (e) => void message.error(messageOf(e)),
            })
          }
          disabled={markAll.isPending}
        >
          全部标为已读
        </Button>
        {inbox.data && <span className="inbox-count">未读 {inbox.data.unread} 条</span>}
      </div>
      {inbox.isError ? (
        <Alert type="error" showIcon title={messageOf(inbox.error)} />
      ) : !inbox.data ? (
        <Skeleton active />
      ) : inbox.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={unread ? '没有未读消息' : '没有消息'} />
      ) : (
        <>
          <ul className="inbox-list" aria-label="消息列表">
            {inbox.data.items.map((n) => (
              <li key={n.id} className={n.readAt ? 'inbox-item' : 'inbox-item inbox-item-unread'}>
                <div className="inbox-item-head">
                  {n.noticeLevel && <Tag color={NOTICE_COLOR[n.noticeLevel]}>{label(NOTICE_LEVEL, n.noticeLevel)}</Tag>}
                  {n.channel === 'alert' && <Tag color={TAG.red}>发送失败</Tag>}
                  <strong className="inbox-subject">{n.subject}</strong>
                  <span className="inbox-state">{n.readAt ? '已读' : '未读'}</span>
                </div>
                <p className="inbox-body">{n.body}</p>
                <div className="inbox-item-foot">
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                  {n.taskId && (
                    <Button size="small" type="primary" ghost onClick={() => open(n)}>
                      打开事项
                    </Button>
                  )}
                  {!n.readAt && (
                    <Button size="small" onClick={() => markRead.mutate(n.id, { onError: (e) => void message.error(messageOf(e)) })}>
                      标为已读
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <Pager page={page} pageSize={20} total={inbox.data.total} unit="条" onChange={(p) => set({ page: String(p) })} />
        </>
      )}
    </>
  );
}
