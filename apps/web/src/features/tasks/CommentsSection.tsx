import { Alert, Button, Empty, Form, Input } from 'antd';
import { useRef, useState } from 'react';
import { messageOf } from '../../api/errors';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/dates';
import { Comment, newIdempotencyKey, useAddComment } from './task-queries';

/** 评论: everyone on the item may read them; those the API allows may write. */
export function CommentsSection({ taskId, comments, canComment }: { taskId: string; comments: Comment[]; canComment: boolean }) {
  const [form] = Form.useForm<{ body: string }>();
  const add = useAddComment(taskId);
  const key = useRef(newIdempotencyKey());
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ body }: { body: string }) => {
    setError(null);
    try {
      await add.mutateAsync({ body: body.trim(), idempotencyKey: key.current });
      key.current = newIdempotencyKey();
      form.resetFields();
    } catch (e) {
      setError(messageOf(e)); // the text stays in the box
    }
  };
  return (
    <Section title={`评论（${comments.length}）`}>
      {comments.length === 0 ? (
        <Empty description="暂无评论" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <ul className="comment-list">
          {comments.map((c) => (
            <li key={c.id} className="comment">
              <div className="report-head">
                <strong>{c.authorName ?? '—'}</strong>
                <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
              </div>
              <p className="report-note">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canComment && (
        <Form form={form} name="comment" layout="vertical" onFinish={(v) => void submit(v)} style={{ marginTop: 12 }}>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
          <Form.Item name="body" label="发表评论" rules={[{ required: true, whitespace: true, message: '请输入评论内容' }, { max: 10000, message: '不超过 10000 字' }]}>
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
          <Button htmlType="submit" disabled={add.isPending}>
            {add.isPending ? '发表中…' : '发表评论'}
          </Button>
        </Form>
      )}
    </Section>
  );
}
