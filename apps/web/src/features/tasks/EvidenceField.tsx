import { DeleteOutlined, LinkOutlined } from '@ant-design/icons';
import { Button, Input, List, Space, Typography } from 'antd';
import { useId, useState } from 'react';

interface Props {
  value?: string[];
  onChange?(v: string[]): void;
}

const isHttpUrl = (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/** 佐证材料 as links (a page on the unit's site, a shared document); files go through EvidenceFiles. */
export function EvidenceField({ value = [], onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const add = () => {
    const url = draft.trim();
    if (!url) return;
    if (!isHttpUrl(url)) return setError('请输入以 http:// 或 https:// 开头的完整链接');
    if (value.includes(url)) return setError('这条链接已经添加过了');
    onChange?.([...value, url]);
    setDraft('');
    setError(null);
  };

  return (
    <div>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={id}
          aria-label="佐证材料链接"
          placeholder="https://… 佐证材料的链接"
          prefix={<LinkOutlined aria-hidden />}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={(e) => {
            e.preventDefault();
            add();
          }}
          status={error ? 'error' : undefined}
          aria-invalid={!!error}
          aria-describedby={`${id}-msg`}
        />
        <Button onClick={add}>添加链接</Button>
      </Space.Compact>
      <div id={`${id}-msg`} role={error ? 'alert' : undefined} style={{ color: '#a8071a', minHeight: error ? undefined : 0 }}>
        {error}
      </div>
      {value.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          aria-label="已添加的佐证材料"
          dataSource={value}
          renderItem={(url) => (
            <List.Item
              actions={[
                <Button key="rm" type="text" size="small" icon={<DeleteOutlined aria-hidden />} aria-label={`移除 ${url}`} onClick={() => onChange?.(value.filter((v) => v !== url))} />,
              ]}
            >
              <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                {url}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
