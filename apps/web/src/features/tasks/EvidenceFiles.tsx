import { CameraOutlined, DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { ApiError } from '../../api/errors';
import { UploadedFile, uploadEvidence } from './evidence-upload';

interface Props {
  value?: UploadedFile[];
  onChange?(v: UploadedFile[]): void;
}

/** The types POST /files accepts; the API checks the bytes too, this only narrows the picker. */
const ACCEPT = '.pdf,.ofd,.doc,.docx,.xls,.xlsx,.wps,.et,.jpg,.jpeg,.png,.heic,.zip,image/*';

/**
 * 佐证材料 as files: a photo from the phone's camera or any allowed file, each uploaded at once so a
 * refused one (type, size) is said while the form is still open.
 */
export function EvidenceFiles({ value = [], onChange }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const id = useId();

  const upload = async (input: HTMLInputElement | null) => {
    const files = input?.files;
    if (!files?.length) return;
    setUploading(true);
    setError(null);
    const added: UploadedFile[] = [];
    try {
      for (const f of Array.from(files)) added.push(await uploadEvidence(f));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '上传未成功，请重试');
    } finally {
      // Files that did upload are kept even when a later one is refused.
      if (added.length) onChange?.([...value, ...added]);
      setUploading(false);
      if (input) input.value = '';
    }
  };

  return (
    <div>
      <input ref={camera} type="file" accept="image/*" capture="environment" multiple className="visually-hidden" tabIndex={-1} aria-hidden onChange={(e) => void upload(e.target)} />
      <input ref={picker} type="file" accept={ACCEPT} multiple className="visually-hidden" tabIndex={-1} aria-hidden onChange={(e) => void upload(e.target)} />
      <Space wrap>
        <Button icon={<CameraOutlined aria-hidden />} loading={uploading} onClick={() => camera.current?.click()}>
          拍照
        </Button>
        <Button icon={<PaperClipOutlined aria-hidden />} loading={uploading} onClick={() => picker.current?.click()} aria-describedby={`${id}-hint`}>
          上传文件
        </Button>
      </Space>
      <Typography.Text type="secondary" id={`${id}-hint`} style={{ display: 'block', marginTop: 4 }}>
        可上传 PDF、OFD、Word、Excel、WPS、图片或 ZIP；手机上可直接拍照
      </Typography.Text>
      <div role={error ? 'alert' : undefined} style={{ color: '#a8071a' }}>
        {error}
      </div>
      {value.length > 0 && (
        // a plain list: antd's List does not pass an accessible name on to its <ul>
        <ul aria-label="已上传的佐证文件" className="evidence-list" style={{ marginTop: 8 }}>
          {value.map((f) => (
            <li key={f.id}>
              <Typography.Text ellipsis style={{ maxWidth: 'calc(100% - 40px)' }}>
                {f.name}
              </Typography.Text>
              <Button type="text" size="small" icon={<DeleteOutlined aria-hidden />} aria-label={`移除 ${f.name}`} onClick={() => onChange?.(value.filter((v) => v.id !== f.id))} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
