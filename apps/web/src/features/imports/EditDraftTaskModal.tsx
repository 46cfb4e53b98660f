import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { ActionModal } from '../tasks/ActionModal';
import type { DraftEdit, DraftTask } from './import-queries';

interface Values {
  title: string;
  deadline: string;
  leadUnits: string[];
  responsibleUnits: string[];
  assistingUnits: string[];
}

const unitsField = (name: keyof Values, label: string) => (
  <Form.Item name={name} label={label}>
    <Select mode="tags" tokenSeparators={['、', '，', ',']} placeholder="输入单位名称，回车确认" open={false} suffixIcon={null} />
  </Form.Item>
);

/** 修正 one previewed item: title, deadline (a date or words such as 9月底前) and its units. */
export function EditDraftTaskModal({ task, onClose, onSubmit }: { task: DraftTask | null; onClose(): void; onSubmit(edit: DraftEdit): Promise<unknown> }) {
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (task)
      form.setFieldsValue({
        title: task.title,
        deadline: task.deadlineText ?? task.deadline,
        leadUnits: task.leadUnits,
        responsibleUnits: task.responsibleUnits,
        assistingUnits: task.assistingUnits,
      });
  }, [task, form]);
  return (
    <ActionModal<Values>
      name="edit-draft-task"
      title={task ? `修正事项 ${task.code}` : '修正事项'}
      okText="保存修正"
      open={!!task}
      form={form}
      onClose={onClose}
      onSubmit={(v) => {
        if (!task) return Promise.resolve();
        const edit: DraftEdit = { op: 'setTask', code: task.code };
        if (v.title !== task.title) edit.title = v.title;
        if (v.deadline !== (task.deadlineText ?? task.deadline)) edit.deadline = v.deadline;
        const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
        if (!same(v.leadUnits ?? [], task.leadUnits)) edit.leadUnits = v.leadUnits ?? [];
        if (!same(v.responsibleUnits ?? [], task.responsibleUnits)) edit.responsibleUnits = v.responsibleUnits ?? [];
        if (!same(v.assistingUnits ?? [], task.assistingUnits)) edit.assistingUnits = v.assistingUnits ?? [];
        return onSubmit(edit);
      }}
      onDone={onClose}
    >
      <Form.Item name="title" label="事项标题" rules={[{ required: true, whitespace: true, message: '请填写事项标题' }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="deadline" label="完成时限" extra="可写 2025-09-30、9月底前、三季度、年底前" rules={[{ required: true, whitespace: true, message: '请填写完成时限' }]}>
        <Input maxLength={50} />
      </Form.Item>
      {unitsField('leadUnits', '牵头单位')}
      {unitsField('responsibleUnits', '责任单位')}
      {unitsField('assistingUnits', '配合单位')}
    </ActionModal>
  );
}
