import { Alert, Button, Descriptions, Form, Input, Popconfirm, Select, Space } from 'antd';
import { messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/dates';
import { useSetUnitWebhook, useTestUnitWebhook, useUnitWebhook } from './admin-queries';

type Format = 'json' | 'wecom' | 'dingtalk' | 'feishu';
const FORMATS: { value: Format; label: string }[] = [
  { value: 'wecom', label: '企业微信群机器人' },
  { value: 'dingtalk', label: '钉钉群机器人' },
  { value: 'feishu', label: '飞书群机器人' },
  { value: 'json', label: '通用 JSON' },
];
const formatLabel = (f: string) => FORMATS.find((x) => x.value === f)?.label ?? f;

/**
 * 单位机器人: where the unit's reminders with the webhook channel go. Only the host is ever shown; a new
 * address replaces the old one. 发送测试 posts one message now and says whether the robot took it.
 */
export function UnitWebhook({ unitId }: { unitId: string }) {
  const current = useUnitWebhook(unitId);
  const set = useSetUnitWebhook(unitId);
  const test = useTestUnitWebhook(unitId);
  const [form] = Form.useForm<{ url: string; format: Format }>();
  const { message } = useFeedback();
  const hook = current.data?.webhook ?? null;
  const save = (v: { url: string; format: Format }) =>
    set.mutate({ url: v.url.trim(), format: v.format }, { onSuccess: () => (form.resetFields(), test.reset(), void message.success('已保存机器人地址')) });

  return (
    <Section title="单位机器人（提醒推送到群）">
      {(current.isError || set.isError) && <Alert type="error" showIcon role="alert" title={messageOf(current.error ?? set.error)} style={{ marginBottom: 12 }} />}
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label="当前机器人">{!current.data ? '…' : hook ? `${formatLabel(hook.format)}（${hook.host}）` : '未设置'}</Descriptions.Item>
      </Descriptions>
      {hook && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button disabled={test.isPending} onClick={() => test.mutate()}>
            {test.isPending ? '发送中…' : '发送测试'}
          </Button>
          <Popconfirm title="删除后，本单位的提醒不再推送到群。确定删除？" okText="删除" cancelText="取消" onConfirm={() => set.mutate({ url: null, format: hook.format as Format })}>
            <Button danger>删除机器人</Button>
          </Popconfirm>
        </Space>
      )}
      {test.isSuccess && <Alert type="success" showIcon role="status" title={`测试消息已送达 ${test.data.host}（${formatDateTime(test.data.sentAt)}），请到群里查看`} style={{ marginBottom: 12 }} />}
      {test.isError && <Alert type="error" showIcon role="alert" title={messageOf(test.error)} style={{ marginBottom: 12 }} />}
      <Form form={form} name={`webhook-${unitId}`} layout="vertical" onFinish={save} initialValues={{ format: 'wecom' }}>
        <Form.Item
          name="url"
          label={hook ? '更换机器人地址' : '机器人地址（Webhook）'}
          rules={[{ required: true, whitespace: true, message: '请粘贴机器人的 Webhook 地址' }, { type: 'url', message: '请输入 http(s) 开头的完整地址' }]}
        >
          <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" autoComplete="off" />
        </Form.Item>
        <Form.Item name="format" label="机器人类型">
          <Select options={FORMATS} />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={set.isPending}>
          保存机器人
        </Button>
      </Form>
    </Section>
  );
}
