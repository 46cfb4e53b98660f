import { Form, Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ActionModal } from '../tasks/ActionModal';
import { UNIT_ROLE } from '../../lib/labels';
import { useUnitOptions } from '../directory/directory-queries';

interface Values {
  unitId: string;
  role: 'lead' | 'responsible' | 'assisting';
}

/** 批量指派: one unit with one role onto the picked items, all or nothing (POST /tasks/bulk-assign). */
export function BulkAssignModal({ taskIds, open, onClose, onDone }: { taskIds: string[]; open: boolean; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const units = useUnitOptions(search);
  return (
    <ActionModal<Values>
      name="bulk-assign"
      title={`为选中的 ${taskIds.length} 项指派单位`}
      okText="指派"
      open={open}
      form={form}
      onClose={onClose}
      onSubmit={(v) => unwrap(api.POST('/tasks/bulk-assign', { body: { taskIds, unitId: v.unitId, role: v.role, ignoreVersions: true } }))}
      onDone={() => onDone()}
    >
      <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder="输入单位名称查找"
          options={units.data?.items.map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="role" label="角色" initialValue="responsible" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={Object.entries(UNIT_ROLE).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
    </ActionModal>
  );
}
