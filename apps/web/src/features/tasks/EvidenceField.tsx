import { CameraOutlined, DeleteOutlined, LinkOutlined } from '@ant-design/icons';
import { Button, Input, List, Space, Typography } from 'antd';
import { useId, useRef, useState } from 'react';

/** Uploads one file and answers the URL the report can cite; null while the API offers no uploads. */
export type EvidenceUpload = ((file: File) => Promise<string>) | null;

interface Props {
  value?: string[];
  onChange?(v: string[]): void;
  upload: EvidenceUpload;
}

const isHttpUrl = (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * 佐证材料: links today; photos from the phone camera and files once the API takes uploads (then
 * `upload` is given and the camera input turns on — the rest of the form does not change).
 */
export function EvidenceField({ value = [], onChange, upload }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
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

  const pickPhoto = async (files: FileList | null) => {
    if (!files?.length || !upload) return;
    setUploading(true);
    setError(null);
    try {
      const urls: string[] = [];
      for (const f of Array.from(files)) urls.push(await upload(f));
      onChange?.([...value, ...urls]);
    } catch {
      setError('上传未成功，请重试');
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
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
      <div style={{ marginTop: 8 }}>
        <input
          ref={fileInput}
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          className="visually-hidden"
          id={`${id}-camera`}
          aria-label="拍照或选择图片"
          tabIndex={-1}
          disabled={!upload || uploading}
          onChange={(e) => void pickPhoto(e.target.files)}
          aria-describedby={`${id}-camera-hint`}
        />
        <Button icon={<CameraOutlined aria-hidden />} disabled={!upload} loading={uploading} onClick={() => fileInput.current?.click()} aria-controls={`${id}-camera`}>
          拍照或选择图片
        </Button>
        <Typography.Text type="secondary" id={`${id}-camera-hint`} style={{ marginLeft: 8 }}>
          {upload ? '手机上可直接调用相机拍照' : '照片和文件上传即将开放，目前请填写佐证材料的链接'}
        </Typography.Text>
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
