import { Alert, Button, Empty, Form, Input, List, Popconfirm, Select, Switch, Typography } from 'antd';
import { useFeedback } from '../app/feedback';
import { useId, useState } from 'react';
import { messageOf } from '../api/errors';
import { CareModeSwitch } from '../layout/CareModeSwitch';
import { CopyField } from '../components/CopyField';
import { Section } from '../components/Section';
import { formatDateTime } from '../lib/dates';
import { PasswordChange } from '../features/settings/PasswordChange';
import {
  useApiTokens,
  useCreateApiToken,
  useNewCalendarFeed,
  usePreferences,
  useRevokeApiToken,
  useRevokeCalendarFeed,
  useSetDigest,
} from '../features/settings/settings-queries';

function DigestSetting() {
  const prefs = usePreferences();
  const set = useSetDigest();
  const { message } = useFeedback();
  const id = useId();
  if (prefs.isError) return <Alert type="error" showIcon title={messageOf(prefs.error)} />;
  return (
    <Section title="邮件提醒">
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <Switch
          id={id}
          checked={!!prefs.data?.dailyDigest}
          loading={!prefs.data || set.isPending}
          onChange={(on) =>
            set.mutate(on, {
              onSuccess: () => void message.success(on ? '已改为每日汇总' : '已改为逐条提醒'),
              onError: (e) => void message.error(messageOf(e)),
            })
          }
        />
        <label htmlFor={id}>每日汇总：每天早上一封邮件汇总我的事项，代替逐条提醒邮件</label>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        提醒邮件发往：{prefs.data?.email ?? '（未设置邮箱，请联系管理员）'}。消息中心仍会收到每一条提醒。
      </Typography.Paragraph>
    </Section>
  );
}

function CalendarSetting() {
  const create = useNewCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const { message } = useFeedback();
  return (
    <Section title="日历订阅">
      <Typography.Paragraph>在手机或电脑的日历应用中订阅此地址，即可看到本单位事项的完成时限。地址只显示一次，请妥善保存；重新生成后旧地址失效。</Typography.Paragraph>
      {url && <CopyField value={url} label="日历订阅地址" />}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button
          type="primary"
          disabled={create.isPending}
          onClick={() => create.mutate(undefined, { onSuccess: (d) => setUrl(d.url), onError: (e) => void message.error(messageOf(e)) })}
        >
          {url ? '重新生成订阅地址' : '生成订阅地址'}
        </Button>
        <Popconfirm
          title="停用后，已订阅的日历将不再更新。确定停用？"
          okText="停用"
          cancelText="取消"
          onConfirm={() =>
            revoke.mutate(undefined, {
              onSuccess: () => {
                setUrl(null);
                void message.success('日历订阅已停用');
              },
              onError: (e) => void message.error(messageOf(e)),
            })
          }
        >
          <Button danger>停用订阅</Button>
        </Popconfirm>
      </div>
    </Section>
  );
}

/** 0: no expiry (the API's default when expiresInDays is left out). */
const TOKEN_LIFETIMES = [
  { value: 30, label: '30 天' },
  { value: 90, label: '90 天' },
  { value: 365, label: '1 年' },
  { value: 0, label: '长期有效' },
];

function ApiTokens() {
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; expiresInDays: number }>();
  const { message } = useFeedback();
  return (
    <Section title="个人 API 令牌">
      <Typography.Paragraph>只读令牌供报表系统等程序读取数据使用，不能修改任何内容。令牌只在创建时显示一次。</Typography.Paragraph>
      {secret && (
        <Alert
          type="success"
          showIcon
          title="令牌已创建，请立即复制保存"
          description={<CopyField value={secret} label="新令牌" />}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form
        form={form}
        name="api-token"
        layout="inline"
        onFinish={(v) =>
          create.mutate({ name: v.name.trim(), expiresInDays: v.expiresInDays || undefined }, {
            onSuccess: (d) => {
              setSecret(d.token);
              form.resetFields();
            },
            onError: (e) => void message.error(messageOf(e)),
          })
        }
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="name" label="用途" rules={[{ required: true, whitespace: true, message: '请填写令牌用途' }, { max: 100, message: '不超过 100 字' }]}>
          <Input placeholder="如：周报导出" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="expiresInDays" label="有效期" initialValue={90}>
          <Select style={{ width: 140 }} options={TOKEN_LIFETIMES} />
        </Form.Item>
        <Button htmlType="submit" disabled={create.isPending}>
          创建只读令牌
        </Button>
      </Form>
      {tokens.data && tokens.data.length === 0 ? (
        <Empty description="暂无令牌" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          loading={tokens.isLoading}
          dataSource={tokens.data ?? []}
          renderItem={(t) => (
            <List.Item
              actions={[
                <Popconfirm
                  key="revoke"
                  title={`吊销“${t.name}”后，使用它的程序将无法访问。确定吊销？`}
                  okText="吊销"
                  cancelText="取消"
                  onConfirm={() => revoke.mutate(t.id, { onError: (e) => void message.error(messageOf(e)) })}
                >
                  <Button danger size="small" aria-label={`吊销令牌 ${t.name}`}>
                    吊销
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta title={t.name} description={`创建于 ${formatDateTime(t.createdAt)}，${t.expiresAt ? `${formatDateTime(t.expiresAt)} 到期` : '长期有效'}，最近使用 ${t.lastUsedAt ? formatDateTime(t.lastUsedAt) : '从未'}`} />
            </List.Item>
          )}
        />
      )}
    </Section>
  );
}

export default function SettingsPage() {
  return (
    <>
      <h1 className="page-title">个人设置</h1>
      <Section title="显示">
        <CareModeSwitch />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          关怀模式放大文字和按钮、加大行距，设置保存在本设备上。
        </Typography.Paragraph>
      </Section>
      <PasswordChange />
      <DigestSetting />
      <CalendarSetting />
      <ApiTokens />
    </>
  );
}
