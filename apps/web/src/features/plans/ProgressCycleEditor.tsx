import { Alert, Button, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError, messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { Section } from '../../components/Section';
import { ProgressCycle, useSaveCycle } from './plan-queries';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'].map((d, i) => ({ value: i + 1, label: `星期${d}` }));

/** 报送周期: progress reports due weekly, monthly on a day, or quarterly; or none. */
export function ProgressCycleEditor({ planId, cycle, version }: { planId: string; cycle: ProgressCycle | null; version: number }) {
  const save = useSaveCycle(planId);
  const { message } = useFeedback();
  const [kind, setKind] = useState<ProgressCycle['kind'] | 'none'>(cycle?.kind ?? 'none');
  const [weekday, setWeekday] = useState(cycle?.weekday ?? 1);
  const [day, setDay] = useState(cycle?.day ?? 25);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    setError(null);
    const progressCycle: ProgressCycle | null = kind === 'none' ? null : kind === 'weekly' ? { kind, weekday } : kind === 'monthly' ? { kind, day } : { kind };
    save.mutate(
      { progressCycle, version },
      {
        onSuccess: () => void message.success('已保存报送周期'),
        onError: (e) => setError(e instanceof ApiError && e.stale ? '方案已被他人修改，已为您刷新，请再保存一次' : messageOf(e)),
      },
    );
  };
  return (
    <Section title="进展报送周期">
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Space wrap>
        <Select
          aria-label="报送周期"
          value={kind}
          style={{ width: 140 }}
          onChange={setKind}
          options={[
            { value: 'none', label: '不要求定期报送' },
            { value: 'weekly', label: '每周' },
            { value: 'monthly', label: '每月' },
            { value: 'quarterly', label: '每季度' },
          ]}
        />
        {kind === 'weekly' && <Select aria-label="每周报送日" value={weekday} style={{ width: 110 }} onChange={setWeekday} options={WEEKDAYS} />}
        {kind === 'monthly' && (
          <>
            每月 <InputNumber aria-label="每月报送日" min={1} max={31} value={day} onChange={(v) => setDay(Number(v ?? 1))} /> 日
          </>
        )}
        <Button disabled={save.isPending} onClick={submit}>
          保存报送周期
        </Button>
      </Space>
    </Section>
  );
}
