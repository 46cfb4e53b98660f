import { Form, Select, Switch } from 'antd';
import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ActionModal } from '../tasks/ActionModal';
import { UNIT_ROLE } from '../../lib/labels';
import { useUnitOptions } from '../directory/directory-queries';

interface Values {
  unitId: string;
  role: 'lead' | 'responsible' | 'assisting';
  notify: boolean;
}

/**
 * 批量指派: one unit with one role onto the picked items, all or nothing (POST /tasks/bulk-assign). 通知该单位
 * off: the unit is not sent the reminders already due (e.g. when recording a unit that already works on the items).
 */
export function BulkAssignModal({ taskIds, open, onClose, onDone }: { taskIds: string[]; open: boolean; onClose(): void; onDone(notified: boolean): void }) {
  const [form] = Form.useForm<Values>();
  const notified = useRef(true);
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
      onSubmit={async (v) => {
        await unwrap(api.POST('/tasks/bulk-assign', { body: { taskIds, unitId: v.unitId, role: v.role, ignoreVersions: true, notify: v.notify } }));
        notified.current = v.notify;
      }}
      onDone={() => onDone(notified.current)}
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
      <Form.Item
        name="notify"
        label="通知该单位"
        valuePropName="checked"
        initialValue={true}
        extra="关闭后，不向该单位发送已到时间的提醒（相当于交办通知），之后的提醒照常发送；办理记录中注明“未通知该单位”。"
      >
        <Switch checkedChildren="通知" unCheckedChildren="不通知" />
      </Form.Item>
    </ActionModal>
  );
}
