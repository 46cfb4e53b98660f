import { Form, Input } from 'antd';
import { ActionModal } from '../tasks/ActionModal';
import { User, useUpdateUser } from './admin-queries';

/** 重置密码: the admin sets a new password and tells the user by other means. */
export function ResetPasswordModal({ user, onClose, onDone }: { user: User | null; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ password: string }>();
  const update = useUpdateUser();
  return (
    <ActionModal<{ password: string }>
      name="reset-password"
      title={user ? `重置密码：${user.displayName}` : '重置密码'}
      okText="重置"
      open={!!user}
      form={form}
      onClose={onClose}
      onSubmit={(v) => update.mutateAsync({ id: user!.id, body: { version: user!.version, password: v.password } })}
      onDone={onDone}
    >
      <Form.Item name="password" label="新密码" rules={[{ required: true, min: 8, message: '新密码至少 8 位' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </ActionModal>
  );
}
