import { Button, DatePicker, Input, Select } from 'antd';
import { useState } from 'react';
import { dayjs, isoDate } from '../../lib/dates';
import { LIGHT, TASK_STATUS } from '../../lib/labels';
import { usePlanOptions, useUnitOptions } from '../directory/directory-queries';
import type { LedgerQuery } from './ledger-query';

interface Props {
  value: LedgerQuery;
  onChange(next: Partial<LedgerQuery>): void;
  onReset(): void;
}

const LIGHTS = ['red', 'yellow', 'green'].map((l) => ({ value: l, label: LIGHT[l] }));
const STATUSES = Object.entries(TASK_STATUS).map(([value, label]) => ({ value, label }));

/** The 总台账's filters; each change goes into the address at once (page back to 1). */
export function LedgerFilters({ value, onChange, onReset }: Props) {
  const [unitSearch, setUnitSearch] = useState('');
  const plans = usePlanOptions();
  const units = useUnitOptions(unitSearch);
  // What is typed, until the address says otherwise (a link opened, 重置, back): then the address wins.
  const [typed, setTyped] = useState<{ q?: string; text: string }>({ q: value.q, text: value.q ?? '' });
  const text = typed.q === value.q ? typed.text : (value.q ?? '');
  const set = (patch: Partial<LedgerQuery>) => onChange({ ...patch, page: 1 });
  return (
    <form role="search" aria-label="筛选事项" className="ledger-filters" onSubmit={(e) => (e.preventDefault(), set({ q: text.trim() || undefined }))}>
      <Select
        aria-label="方案"
        placeholder="全部方案"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 260 }}
        value={value.planId}
        loading={plans.isLoading}
        options={plans.data?.items.map((p) => ({ value: p.id, label: p.title }))}
        onChange={(v) => set({ planId: v })}
      />
      <Select
        aria-label="单位"
        placeholder="全部单位"
        allowClear
        showSearch={{ filterOption: false, onSearch: setUnitSearch }}
        style={{ width: 200 }}
        value={value.unitId}
        loading={units.isLoading}
        options={units.data?.items.map((u) => ({ value: u.id, label: u.name }))}
        onChange={(v) => set({ unitId: v })}
      />
      <Select aria-label="时限状态" placeholder="全部灯色" allowClear style={{ width: 120 }} value={value.light} options={LIGHTS} onChange={(v) => set({ light: v })} />
      <Select aria-label="事项状态" placeholder="全部状态" allowClear style={{ width: 140 }} value={value.status} options={STATUSES} onChange={(v) => set({ status: v })} />
      <DatePicker.RangePicker
        aria-label="完成时限范围"
        placeholder={['时限起', '时限止']}
        value={[value.dueFrom ? dayjs(value.dueFrom) : null, value.dueTo ? dayjs(value.dueTo) : null]}
        allowEmpty={[true, true]}
        onChange={(r) => set({ dueFrom: r?.[0] ? isoDate(r[0]) : undefined, dueTo: r?.[1] ? isoDate(r[1]) : undefined })}
      />
      <Input aria-label="关键词" placeholder="编号、标题或内容" style={{ width: 200 }} value={text} onChange={(e) => setTyped({ q: value.q, text: e.target.value })} allowClear />
      <Button htmlType="submit" type="primary">
        查询
      </Button>
      <Button onClick={onReset}>重置</Button>
    </form>
  );
}
