import { Alert, Button, Descriptions, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError, messageOf } from '../../api/errors';
import { useFeedback } from '../../app/feedback';
import { Section } from '../../components/Section';
import { Unit, useUpdateUnit } from './admin-queries';

/** One unit (keyed by id and version by the page, so a saved or reloaded unit starts fresh): its name and the other names documents use for it (aliases), which imports resolve. */
export function UnitEditor({ unit }: { unit: Unit }) {
  const update = useUpdateUnit();
  const { message } = useFeedback();
  const [name, setName] = useState(unit.name);
  const [aliases, setAliases] = useState<string[]>(unit.aliases);
  const [error, setError] = useState<string | null>(null);
  const save = (extra: { pending?: boolean } = {}) =>
    // mutateAsync: the saved unit comes back with a new version, which remounts this editor.
    update.mutateAsync({ id: unit.id, body: { version: unit.version, name: name.trim(), aliases, ...extra } }).then(
      () => void message.success('已保存'),
      (e) => setError(e instanceof ApiError && e.status === 409 ? '此单位已被他人修改，已为您刷新，请再保存一次' : messageOf(e)),
    );
  return (
    <Section title={unit.name}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label="代码">{unit.code}</Descriptions.Item>
        <Descriptions.Item label="上级单位">{unit.parentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="下级单位">{unit.childCount}</Descriptions.Item>
        {unit.pending && <Descriptions.Item label="状态">待确认（由导入创建）</Descriptions.Item>}
      </Descriptions>
      <label className="field-label" htmlFor={`unit-name-${unit.id}`}>
        单位名称
      </label>
      <Input id={`unit-name-${unit.id}`} value={name} onChange={(e) => setName(e.target.value)} style={{ marginBottom: 12 }} />
      <label className="field-label" id={`unit-aliases-${unit.id}`}>
        别名（文件中的其他写法，导入时自动识别）
      </label>
      <Select
        aria-labelledby={`unit-aliases-${unit.id}`}
        mode="tags"
        open={false}
        suffixIcon={null}
        tokenSeparators={['、', '，', ',']}
        value={aliases}
        onChange={setAliases}
        placeholder="输入别名，回车确认"
        style={{ width: '100%' }}
      />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" disabled={update.isPending || !name.trim()} onClick={() => save()}>
          保存
        </Button>
        {unit.pending && (
          <Button disabled={update.isPending} onClick={() => save({ pending: false })}>
            确认此单位
          </Button>
        )}
      </Space>
    </Section>
  );
}
