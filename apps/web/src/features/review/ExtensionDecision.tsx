import { Alert, Button, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { ApiError, messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/dates';
import type { Extension, TaskDetail } from '../tasks/task-queries';
import { useReason } from './ReasonField';
import { useDecideExtension } from './review-queries';

/** 延期审批: the original, current and requested deadlines side by side; approve, or reject with a reason. */
export function ExtensionDecision({ task, extension }: { task: TaskDetail; extension: Extension }) {
  const decide = useDecideExtension(task.id);
  const { message } = useFeedback();
  const reason = useReason();
  const [error, setError] = useState<string | null>(null);
  const send = (decision: 'approve' | 'reject') => {
    const why = decision === 'reject' ? reason.require() : reason.text.trim() || undefined;
    if (why === null) return;
    setError(null);
    // mutateAsync: the decided request leaves the page with this form, and the answer must still be said.
    decide.mutateAsync({ extensionId: extension.id, decision, reason: why, version: extension.version }).then(
      (r) => {
        reason.clear();
        void message.success(decision === 'approve' ? `已批准延期，新的完成时限：${formatDateTime(r.task.dueAt)}` : '已驳回延期申请');
      },
      (e) => setError(e instanceof ApiError && e.stale ? `${e.message}，请查看最新内容后再决定` : messageOf(e)),
    );
  };
  return (
    <Section title="延期审批">
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="原定时限">{formatDateTime(task.originalDueAt)}</Descriptions.Item>
        <Descriptions.Item label="当前时限">{formatDateTime(task.dueAt)}</Descriptions.Item>
        <Descriptions.Item label="申请延至">
          <strong>{formatDateTime(extension.requestedDueAt)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label="申请理由">{extension.reason}</Descriptions.Item>
        <Descriptions.Item label="申请时间">{formatDateTime(extension.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 12 }} wrap>
        <Button type="primary" disabled={decide.isPending} onClick={() => send('approve')}>
          批准延期
        </Button>
      </Space>
      <div style={{ marginTop: 12 }}>
        {reason.field('驳回理由（驳回时必填）', '请填写驳回理由', 2)}
        <Button danger style={{ marginTop: 8 }} disabled={decide.isPending} onClick={() => send('reject')}>
          驳回延期
        </Button>
      </div>
    </Section>
  );
}
