import { Form, Input } from 'antd';
import { useEffect, useRef } from 'react';
import { ActionModal } from '../tasks/ActionModal';
import { newIdempotencyKey } from '../tasks/task-queries';
import { useUrge } from './supervision-queries';

interface Values {
  note?: string;
}

/**
 * 批量催办: the picked items' open lead and responsible units are urged at once (mail, 消息中心, the unit's
 * robot). One key per filled-in form: a retry after a lost answer is the same request, sent once.
 */
export function UrgeModal({ taskIds, open, onClose, onDone }: { taskIds: string[]; open: boolean; onClose(): void; onDone(queued: number): void }) {
  const [form] = Form.useForm<Values>();
  const urge = useUrge();
  const key = useRef(newIdempotencyKey());
  const queued = useRef(0);
  const picked = taskIds.join();
  // Other items are another request: a new key, or the API would refuse the reused one.
  useEffect(() => {
    key.current = newIdempotencyKey();
  }, [picked]);
  return (
    <ActionModal<Values>
      name="urge"
      title={`立即催办选中的 ${taskIds.length} 项`}
      okText="发送催办"
      open={open}
      form={form}
      onClose={onClose}
      onSubmit={async (v) => {
        const out = await urge.mutateAsync({ taskIds, note: v.note?.trim() || undefined, idempotencyKey: key.current });
        key.current = newIdempotencyKey();
        queued.current = out.queued;
      }}
      onDone={() => onDone(queued.current)}
    >
      <p>催办（黄色）立即发给各事项尚未办结的牵头单位和责任单位：邮件、消息中心和单位机器人，各发一次，并记入事项的办理记录。</p>
      <Form.Item name="note" label="催办说明（可选，写入邮件）" rules={[{ max: 500, message: '催办说明不能超过 500 字' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="例如：请于本周五前报送进展" />
      </Form.Item>
    </ActionModal>
  );
}
