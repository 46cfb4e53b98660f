import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { ApiError, messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { Section } from '../../components/Section';
import type { TaskDetail } from '../tasks/task-queries';
import { useReason } from './ReasonField';
import { useReview } from './review-queries';

/** 审核 of a submitted item: approve (办结), or return (退回) with a reason the unit will read. */
export function ReviewDecision({ task }: { task: TaskDetail }) {
  const review = useReview(task.id);
  const { message } = useFeedback();
  const reason = useReason();
  const [error, setError] = useState<string | null>(null);
  const decide = (decision: 'approve' | 'return') => {
    const why = decision === 'return' ? reason.require() : undefined;
    if (why === null) return;
    setError(null);
    // mutateAsync, not mutate's callbacks: the decision removes this form (the item leaves 待审核), and the
    // confirmation must still be said.
    review.mutateAsync({ decision, reason: why, version: task.version }).then(
      () => {
        reason.clear();
        void message.success(decision === 'approve' ? '已审核通过，事项办结' : '已退回，单位将看到退回原因');
      },
      // What was typed stays; a stale item has been reloaded behind the form.
      (e) => setError(e instanceof ApiError && e.stale ? `${e.message}，请查看最新内容后再决定` : messageOf(e)),
    );
  };
  return (
    <Section title="审核办结申请">
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <p>请对照左侧牵头单位的汇总报告、各单位办理情况和佐证材料作出决定。</p>
      <Button type="primary" block disabled={review.isPending} onClick={() => decide('approve')}>
        审核通过（办结）
      </Button>
      <div style={{ marginTop: 16 }}>
        {reason.field('退回原因（退回时必填）', '请填写退回原因，单位将按此补充材料')}
        <Space style={{ marginTop: 8 }}>
          <Button danger disabled={review.isPending} onClick={() => decide('return')}>
            退回
          </Button>
        </Space>
      </div>
    </Section>
  );
}
