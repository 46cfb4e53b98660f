import { Button, Form, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { ActionModal } from '../tasks/ActionModal';
import type { LedgerQuery } from '../supervision/ledger-query';
import { normalisedView, useDeleteView, useSavedViews, useSaveView, viewQuery } from './saved-views';

interface Values {
  name: string;
}

/** The link a colleague opens to see the same view. */
const linkOf = (query: string) => `${location.origin}/app/ledger${query ? `?${query}` : ''}`;

/**
 * 我的视图: the 总台账's filters saved under a name (GET/POST/DELETE /me/views). Each view is a link to the
 * page with its filters, so applying one is opening it and sharing one is sending its address.
 */
export function SavedViews({ query }: { query: LedgerQuery }) {
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const { message } = useFeedback();
  const [saving, setSaving] = useState(false);
  const current = viewQuery(query);
  const active = views.data?.find((v) => normalisedView(v.query) === current) ?? null;

  const copy = async (q: string) => {
    await navigator.clipboard?.writeText(linkOf(q)).catch(() => undefined);
    message.success('已复制视图链接，可发送给同事');
  };
  const drop = (id: string, name: string) =>
    remove.mutateAsync(id).then(
      () => void message.success(`已删除视图“${name}”`),
      (e) => void message.error(messageOf(e)),
    );

  return (
    <nav className="saved-views" aria-label="我的视图">
      <span className="saved-views-label">我的视图：</span>
      {views.isError ? (
        <span>{messageOf(views.error)}</span>
      ) : views.data?.length === 0 ? (
        <span className="saved-views-empty">还没有保存的视图</span>
      ) : (
        views.data?.map((v) => (
          <Link key={v.id} to={`/ledger${v.query ? `?${v.query}` : ''}`} className={v.id === active?.id ? 'saved-view active' : 'saved-view'} aria-current={v.id === active?.id ? 'page' : undefined}>
            {v.name}
          </Link>
        ))
      )}
      <span className="saved-views-actions">
        {active ? (
          <>
            <Button size="small" onClick={() => void copy(active.query)}>
              复制视图链接
            </Button>
            <Popconfirm title={`删除视图“${active.name}”？`} okText="删除" cancelText="取消" onConfirm={() => drop(active.id, active.name)}>
              <Button size="small" danger disabled={remove.isPending}>
                删除视图
              </Button>
            </Popconfirm>
          </>
        ) : (
          <Button size="small" onClick={() => setSaving(true)}>
            保存为视图
          </Button>
        )}
      </span>
      <ActionModal<Values>
        name="save-view"
        title="将当前筛选保存为视图"
        okText="保存"
        open={saving}
        onClose={() => setSaving(false)}
        onSubmit={(v) => save.mutateAsync({ name: v.name.trim(), query: current })}
        doneText="已保存视图"
      >
        <p>保存方案、单位、时限状态、状态、期限范围、关键词和排序；以后点视图名称即可打开，也可以复制链接发给同事。</p>
        <Form.Item name="name" label="视图名称" rules={[{ required: true, whitespace: true, message: '请填写视图名称' }, { max: 40, message: '视图名称不能超过 40 个字' }]}>
          <Input maxLength={40} placeholder="例如：本周超期（科技局）" />
        </Form.Item>
      </ActionModal>
    </nav>
  );
}
