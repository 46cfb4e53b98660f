import { Form, Select } from 'antd';
import { ActionModal, ItemDialogProps } from './ActionModal';
import { TaskDetail, useAssign, useUnitMembers } from './task-queries';

interface Values {
  userId: string;
}

type Part = TaskDetail['assignments'][number];

/** 分办: the unit head names who of the unit does its part; reminders then go to that person first. */
export function AssignModal({ task, part, ...dialog }: ItemDialogProps & { part: Part }) {
  const members = useUnitMembers(dialog.open);
  const assign = useAssign(task.id);
  return (
    <ActionModal<Values>
      {...dialog}
      name="assign"
      title="分办"
      okText="确定分办"
      onSubmit={(v) => assign.mutateAsync({ userId: v.userId, version: part.version })}
      doneText="已分办"
    >
      <p>
        {part.unitName}的承办人：{part.assignee?.name ?? '未分办'}。分办后，日常提醒只发给承办人；催办、督办同时发给本单位。
      </p>
      <Form.Item name="userId" label="承办人" rules={[{ required: true, message: '请选择承办人' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={members.isLoading}
          placeholder="选择本单位人员"
          options={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        />
      </Form.Item>
    </ActionModal>
  );
}
