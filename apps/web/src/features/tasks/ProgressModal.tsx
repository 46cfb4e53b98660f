import { Form, Input, InputNumber, Slider } from 'antd';
import { EvidenceField } from './EvidenceField';
import { EvidenceFiles } from './EvidenceFiles';
import type { UploadedFile } from './evidence-upload';
import { ActionModal, ItemDialogProps } from './ActionModal';
import { useReportProgress } from './task-queries';

export interface Indicator {
  name: string;
  value: number;
  unit: string;
  comparator: string;
  deadline: string | null;
}

interface Values {
  percent: number;
  note: string;
  evidence: string[];
  files: UploadedFile[];
  indicators?: Record<string, number | null>;
}

/** 报送进展: percent, what was done, values of the item's indicators, evidence. */
export function ProgressModal({ task, startPercent, ...dialog }: ItemDialogProps & { startPercent: number }) {
  const report = useReportProgress(task.id);
  const indicators = task.indicators as Indicator[];
  return (
    <ActionModal<Values>
      {...dialog}
      name="progress"
      title="报送进展"
      okText="报送"
      onSubmit={(v, idempotencyKey) =>
        report.mutateAsync({
          percent: v.percent,
          note: v.note.trim(),
          evidence: v.evidence ?? [],
          fileIds: (v.files ?? []).map((f) => f.id),
          indicatorValues: Object.entries(v.indicators ?? {})
            .filter(([, value]) => typeof value === 'number')
            .map(([name, value]) => ({ name, value: value as number })),
          idempotencyKey,
        })
      }
      doneText="进展已报送"
    >
      <Form.Item name="percent" label="完成进度（%）" initialValue={startPercent} rules={[{ required: true, message: '请填写完成进度' }]}>
        <PercentInput />
      </Form.Item>
      <Form.Item name="note" label="进展情况" rules={[{ required: true, whitespace: true, message: '请说明进展情况' }, { max: 10000, message: '不超过 10000 字' }]}>
        <Input.TextArea rows={4} placeholder="本期完成了哪些工作、下一步安排、存在的困难" showCount maxLength={10000} />
      </Form.Item>
      {indicators.length > 0 && (
        <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
          <legend style={{ fontSize: '1em', marginBottom: 8 }}>量化指标完成值</legend>
          {indicators.map((ind) => (
            <Form.Item key={ind.name} name={['indicators', ind.name]} label={`${ind.name}（目标 ${ind.comparator} ${ind.value}${ind.unit}）`}>
              <InputNumber style={{ width: 200 }} suffix={ind.unit} />
            </Form.Item>
          ))}
        </fieldset>
      )}
      <Form.Item name="files" label="佐证材料（照片、文件）" initialValue={[]}>
        <EvidenceFiles />
      </Form.Item>
      <Form.Item name="evidence" label="佐证材料（链接）" initialValue={[]}>
        <EvidenceField />
      </Form.Item>
    </ActionModal>
  );
}

/** A slider for the thumb and a number box for the keyboard, one value. */
function PercentInput({ value, onChange, id }: { value?: number; onChange?(v: number): void; id?: string }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
      <Slider min={0} max={100} value={value} onChange={(v) => onChange?.(v)} style={{ flex: 1 }} ariaLabelForHandle="拖动调整完成进度" />
      <InputNumber id={id} min={0} max={100} precision={0} value={value} onChange={(v) => typeof v === 'number' && onChange?.(v)} suffix="%" style={{ width: 110 }} />
    </div>
  );
}
