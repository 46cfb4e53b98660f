import { Alert, Button, Descriptions, Input, Space } from 'antd';
import { useId, useState } from 'react';
import { ApiError, messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/dates';
import type { Extension, TaskDetail } from '../tasks/task-queries';
import { useDecideExtension } from './review-queries';

/** 延期审批: the original, current and requested deadlines side by side; approve, or reject with a reason. */
export function ExtensionDecision({ task, extension }: { task: TaskDetail; extension: Extension }) {
  const decide = useDecideExtension(task.id);
  const { message } = useFeedback();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const send = (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && !reason.trim()) {
      setMissing(true);
      return;
    }
    setError(null);
    decide.mutate(
      { extensionId: extension.id, decision, reason: reason.trim() || undefined, version: extension.version },
      {
        onSuccess: (r) => {
          setReason('');
          void message.success(decision === 'approve' ? `已批准延期，新的完成时限：${formatDateTime(r.task.dueAt)}` : '已驳回延期申请');
        },
        onError: (e) => setError(e instanceof ApiError && e.stale ? `${e.message}，请查看最新内容后再决定` : messageOf(e)),
      },
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
        <label htmlFor={reasonId} className="field-label">
          驳回理由（驳回时必填）
        </label>
        <Input.TextArea
          id={reasonId}
          rows={2}
          value={reason}
          maxLength={2000}
          status={missing ? 'error' : undefined}
          aria-invalid={missing}
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
        />
        {missing && (
          <div className="field-error" role="alert">
            请填写驳回理由
          </div>
        )}
        <Button danger style={{ marginTop: 8 }} disabled={decide.isPending} onClick={() => send('reject')}>
          驳回延期
        </Button>
      </div>
    </Section>
  );
}
