import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatDate, isoDate, shanghai } from '../../lib/dates';
import { ActionModal, ItemDialogProps } from './ActionModal';
import { useRequestExtension } from './task-queries';

interface Values {
  date: Dayjs;
  reason: string;
}

/** 申请延期: a later date (due at the end of that working day) and the reason. */
export function ExtensionModal({ task, ...dialog }: ItemDialogProps) {
  const request = useRequestExtension(task.id);
  const current = shanghai(task.dueAt).startOf('day');
  return (
    <ActionModal<Values>
      {...dialog}
      name="extension"
      title="申请延期"
      okText="提交申请"
      onSubmit={(v, idempotencyKey) => request.mutateAsync({ requestedDueAt: isoDate(v.date), reason: v.reason.trim(), idempotencyKey })}
      doneText="延期申请已提交，等待审批"
    >
      <p>当前完成时限：{formatDate(task.dueAt)}</p>
      <Form.Item name="date" label="申请延至" rules={[{ required: true, message: '请选择新的完成时限' }]}>
        <DatePicker
          style={{ width: 220 }}
          format="YYYY年M月D日"
          disabledDate={(d) => !d.isAfter(current, 'day')}
        />
      </Form.Item>
      <Form.Item name="reason" label="延期理由" rules={[{ required: true, whitespace: true, message: '请说明延期理由' }, { max: 2000, message: '不超过 2000 字' }]}>
        <Input.TextArea rows={4} placeholder="延期原因、目前进展和保障措施" showCount maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}
