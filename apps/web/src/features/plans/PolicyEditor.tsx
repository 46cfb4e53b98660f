import { Alert, Button, Checkbox, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { ApiError, messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { CardTable } from '../../components/CardTable';
import { Section } from '../../components/Section';
import { AUDIENCE, REMINDER_KIND } from '../../lib/labels';
import { formatOffset, Offset, parseOffset } from './offset';
import { Policy, PolicyResponse, PolicyStep, useSavePolicy } from './plan-queries';

interface Row {
  key: number;
  offset: Offset;
  kind: PolicyStep['kind'];
  audience: PolicyStep['audience'];
  channels: PolicyStep['channels'];
}

const CHANNELS = [
  { value: 'email', label: '邮件' },
  { value: 'inbox', label: '站内消息' },
  { value: 'webhook', label: '群机器人' },
];
const options = (t: Record<string, string>) => Object.entries(t).map(([value, label]) => ({ value, label }));
let nextKey = 1;
const toRows = (steps: PolicyStep[]): Row[] =>
  steps.map((s) => ({ key: nextKey++, offset: parseOffset(s.offset) ?? { when: 'before', amount: 1, unit: 'D' }, kind: s.kind, audience: s.audience, channels: s.channels }));

/** The plan's reminder policy: steps relative to each deadline (提醒/催办/督办, to whom, how), quiet hours. */
export function PolicyEditor({ planId, policy, version }: { planId: string; policy: PolicyResponse; version: number }) {
  const save = useSavePolicy(planId);
  const { message } = useFeedback();
  const [rows, setRows] = useState<Row[]>(() => toRows(policy.policy.steps));
  const quiet = policy.policy.quietHours as { start: string; end: string } | null | undefined;
  const [quietOn, setQuietOn] = useState(!!quiet);
  const [quietStart, setQuietStart] = useState(quiet?.start ?? '22:00');
  const [quietEnd, setQuietEnd] = useState(quiet?.end ?? '07:00');
  const [error, setError] = useState<string | null>(null);

  // The form is the source of truth once open: a save keeps it as sent, a refusal (409) keeps the edits
  // while the plan's new version arrives, so the next save goes through.
  const change = (key: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const submit = () => {
    setError(null);
    const body: Policy = {
      steps: rows.map((r) => ({ offset: formatOffset(r.offset), kind: r.kind, audience: r.audience, channels: r.channels })),
      quietHours: quietOn ? { start: quietStart, end: quietEnd } : null,
    };
    save.mutate(
      { policy: body, version },
      {
        onSuccess: (r) => {
          void message.success(`已保存，${r.rescheduledTasks} 项事项的提醒已重新安排`);
        },
        onError: (e) => setError(e instanceof ApiError && e.stale ? '方案已被他人修改，已为您刷新；您的修改仍在表单中，请确认后再保存' : messageOf(e)),
      },
    );
  };

  return (
    <Section title={`提醒规则${policy.isDefault ? '（当前使用全局默认规则）' : ''}`}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <CardTable
        caption="提醒步骤"
        className="compact policy-table"
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          {
            title: '时间',
            cell: (r, i) => (
              <Space.Compact>
                <Select aria-label={`第 ${i + 1} 步：期限前或后`} value={r.offset.when} style={{ width: 90 }} onChange={(when) => change(r.key, { offset: { ...r.offset, when } })} options={[{ value: 'before', label: '期限前' }, { value: 'after', label: '期限后' }]} />
                <InputNumber aria-label={`第 ${i + 1} 步：数量`} min={0} max={r.offset.unit === 'D' ? 366 : 8784} value={r.offset.amount} style={{ width: 80 }} onChange={(v) => change(r.key, { offset: { ...r.offset, amount: Number(v ?? 0) } })} />
                <Select aria-label={`第 ${i + 1} 步：单位`} value={r.offset.unit} style={{ width: 80 }} onChange={(unit) => change(r.key, { offset: { ...r.offset, unit } })} options={[{ value: 'D', label: '天' }, { value: 'H', label: '小时' }]} />
              </Space.Compact>
            ),
          },
          {
            title: '级别',
            cell: (r, i) => <Select aria-label={`第 ${i + 1} 步：级别`} value={r.kind} style={{ width: 90 }} onChange={(kind) => change(r.key, { kind })} options={options(REMINDER_KIND)} />,
          },
          {
            title: '对象',
            cell: (r, i) => <Select aria-label={`第 ${i + 1} 步：对象`} value={r.audience} style={{ width: 120 }} onChange={(audience) => change(r.key, { audience })} options={options(AUDIENCE)} />,
          },
          {
            title: '渠道',
            cell: (r, i) => <Checkbox.Group aria-label={`第 ${i + 1} 步：渠道`} value={r.channels} options={CHANNELS} onChange={(channels) => change(r.key, { channels: channels as Row['channels'] })} />,
          },
          {
            title: '操作',
            cell: (r, i) => (
              <Button size="small" aria-label={`删除第 ${i + 1} 步`} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                删除
              </Button>
            ),
          },
        ]}
      />
      <Button
        style={{ marginTop: 8 }}
        onClick={() => {
          setRows((rs) => [...rs, { key: nextKey++, offset: { when: 'before', amount: 3, unit: 'D' }, kind: 'remind', audience: 'responsible', channels: ['email', 'inbox'] }]);
        }}
      >
        添加提醒步骤
      </Button>
      <div className="policy-quiet">
        <Switch aria-label="免打扰时段" checked={quietOn} onChange={setQuietOn} /> 免打扰时段
        {quietOn && (
          <Space style={{ marginLeft: 12 }}>
            <Input aria-label="免打扰开始" value={quietStart} style={{ width: 90 }} onChange={(e) => setQuietStart(e.target.value)} />至
            <Input aria-label="免打扰结束" value={quietEnd} style={{ width: 90 }} onChange={(e) => setQuietEnd(e.target.value)} />
          </Space>
        )}
      </div>
      <Button type="primary" style={{ marginTop: 12 }} disabled={save.isPending} onClick={submit}>
        {save.isPending ? '保存中…' : '保存提醒规则'}
      </Button>
    </Section>
  );
}
