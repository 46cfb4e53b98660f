import { Form, Input } from 'antd';
import { ActionModal, ItemDialogProps } from './ActionModal';
import { useSubmit } from './task-queries';

/** 申请办结: the lead unit submits its consolidated report for the supervisor's review. */
export function SubmitModal({ task, ...dialog }: ItemDialogProps) {
  const submit = useSubmit(task.id);
  return (
    <ActionModal<{ note: string }>
      {...dialog}
      name="submit"
      title={task.status === 'returned' ? '重新申请办结' : '申请办结'}
      okText="提交审核"
      onSubmit={(v) => submit.mutateAsync({ version: task.version, status: task.status, note: v.note ?? '' })}
      doneText="已提交，等待督办员审核"
    >
      {task.status === 'returned' && task.statusReason && <p>退回原因：{task.statusReason}</p>}
      <Form.Item name="note" label="办结说明" rules={[{ max: 10000, message: '不超过 10000 字' }]}>
        <Input.TextArea rows={4} placeholder="各责任单位完成情况、成效" showCount maxLength={10000} />
      </Form.Item>
    </ActionModal>
  );
}
