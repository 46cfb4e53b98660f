import { Checkbox, Form, Input, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ActionModal } from '../tasks/ActionModal';
import { USER_ROLE } from '../../lib/labels';
import { useUnitOptions } from '../directory/directory-queries';
import { CreateUser, UpdateUser, useCreateUser, User, useUpdateUser } from './admin-queries';

interface Values {
  username: string;
  displayName: string;
  email?: string;
  password?: string;
  roles: CreateUser['roles'];
  unitId?: string;
}

const ROLES = Object.entries(USER_ROLE).map(([value, label]) => ({ value, label }));

/** The role checkboxes. Form.Item would put aria-required on the group's div, which ARIA does not allow there. */
function RoleChoice({ value, onChange }: { value?: Values['roles']; onChange?(v: Values['roles']): void }) {
  return <Checkbox.Group value={value} onChange={(v) => onChange?.(v as Values['roles'])} options={ROLES} />;
}

/** 新建用户, or 编辑 one: name, roles, unit, mail. A new user gets a first password from the admin. */
export function UserModal({ user, open, unitName, onClose, onDone }: { user: User | null; open: boolean; unitName(id: string | null): string; onClose(): void; onDone(text: string): void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [search, setSearch] = useState('');
  const units = useUnitOptions(search);
  useEffect(() => {
    if (!open) return;
    if (user) form.setFieldsValue({ username: user.username, displayName: user.displayName, email: user.email ?? undefined, roles: user.roles, unitId: user.unitId ?? undefined });
    else form.resetFields();
  }, [open, user, form]);
  const options = useMemo(() => {
    const found = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
    if (user?.unitId && !found.some((o) => o.value === user.unitId)) found.unshift({ value: user.unitId, label: unitName(user.unitId) });
    return found;
  }, [units.data, user, unitName]);
  return (
    <ActionModal<Values>
      name={user ? 'edit-user' : 'create-user'}
      title={user ? `编辑用户：${user.displayName}` : '新建用户'}
      okText={user ? '保存' : '创建'}
      open={open}
      form={form}
      onClose={onClose}
      onSubmit={(v) =>
        user
          ? update.mutateAsync({
              id: user.id,
              body: { version: user.version, displayName: v.displayName, roles: v.roles, unitId: (v.unitId ?? null) as UpdateUser['unitId'], email: (v.email || null) as UpdateUser['email'] },
            })
          : create.mutateAsync({ username: v.username.trim(), displayName: v.displayName, password: v.password!, roles: v.roles, unitId: v.unitId, email: v.email || undefined })
      }
      onDone={() => onDone(user ? '已保存' : '已创建用户')}
    >
      <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
        <Input disabled={!!user} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input />
      </Form.Item>
      {!user && (
        <Form.Item name="password" label="初始密码" rules={[{ required: true, min: 8, message: '初始密码至少 8 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item name="roles" label="角色" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}>
        <RoleChoice />
      </Form.Item>
      <Form.Item name="unitId" label="所在单位">
        <Select allowClear showSearch={{ filterOption: false, onSearch: setSearch }} placeholder="输入单位名称查找" options={options} />
      </Form.Item>
      <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
        <Input />
      </Form.Item>
    </ActionModal>
  );
}
