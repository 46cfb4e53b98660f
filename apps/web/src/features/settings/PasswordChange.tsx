import { Alert, Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError, messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { logout } from '../../auth/session';
import { Section } from '../../components/Section';
import { useChangePassword } from './settings-queries';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

const wordsFor = (e: unknown) =>
  e instanceof ApiError && e.status === 401 ? '当前密码不正确，请重新输入' : e instanceof ApiError && e.status === 400 ? '新密码不符合要求：至少 8 个字符' : messageOf(e);

/** 修改密码: the current one and the new one twice. Every login then ends, so the user signs in again. */
export function PasswordChange() {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const submit = (v: Values) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: async () => {
          await logout();
          void message.success('密码已修改，所有设备上的登录已退出，请用新密码重新登录');
          navigate('/login', { replace: true });
        },
      },
    );
  return (
    <Section title="修改密码">
      {change.isError && <Alert type="error" showIcon role="alert" title={wordsFor(change.error)} style={{ marginBottom: 12 }} />}
      <Form form={form} name="password" layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请输入新密码' }, { min: 8, message: '新密码至少 8 个字符' }, { max: 200, message: '新密码不超过 200 个字符' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label="再次输入新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={change.isPending}>
          {change.isPending ? '修改中…' : '修改密码'}
        </Button>
      </Form>
    </Section>
  );
}
