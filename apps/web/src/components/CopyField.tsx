import { CopyOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useId, useRef, useState } from 'react';

/** A secret or address to copy: a read-only box and a 复制 button that says when it worked. */
export function CopyField({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const box = useRef<HTMLInputElement>(null);
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard access (plain http): select the text so Ctrl-C copies it.
      box.current?.select();
      setCopied('no');
    }
  };
  return (
    <div>
      <Space.Compact style={{ width: '100%' }}>
        <input ref={box} id={id} aria-label={label} readOnly value={value} className="ant-input" style={{ flex: 1, minWidth: 0 }} onFocus={(e) => e.target.select()} />
        <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy()}>
          复制
        </Button>
      </Space.Compact>
      <div role="status" aria-live="polite" style={{ color: '#595959', minHeight: '1.5em' }}>
        {copied === 'yes' ? '已复制到剪贴板' : copied === 'no' ? '已选中，请按 Ctrl+C 复制' : ''}
      </div>
    </div>
  );
}

