import { Alert, Button, Steps, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { messageOf } from '../api/errors';
import { Section } from '../components/Section';
import { ACCEPTED_TYPES } from '../features/imports/import-formats';
import { useUploadPlan } from '../features/imports/import-queries';

export const IMPORT_STEPS = [{ title: '上传方案文件' }, { title: '预览与修正' }, { title: '确认导入' }];

/** 导入, step 1: the plan document goes up for a preview; nothing is saved to plans yet. */
export default function ImportPage() {
  const upload = useUploadPlan();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const fileId = useId();
  const send = () => {
    if (!file) return;
    upload.mutate(file, { onSuccess: (p) => navigate(`/imports/${p.importId}`) });
  };
  return (
    <>
      <h1 className="page-title">导入方案</h1>
      <Steps current={0} items={IMPORT_STEPS} style={{ marginBottom: 16 }} />
      <Section title="上传方案文件">
        <Typography.Paragraph>
          支持 .txt（UTF-8/GBK）、.html、.docx、.xlsx、.csv、.pdf、.ofd，以及扫描件（没有文字层的 PDF、.jpg、.png、.tif 图片），最大 10 MB。上传后先预览，可修正事项、时限和单位，确认后才会保存。
        </Typography.Paragraph>
        <Typography.Paragraph>
          扫描件由服务器在后台用文字识别逐页读取，空闲时每页约 8 秒，服务器繁忙时每页 40 秒以上；页数超过服务器的上限（默认 50 页）会立即提示。识别期间可以离开页面，稍后再回来查看预览。识别出的内容请对照原件核对。
        </Typography.Paragraph>
        <label htmlFor={fileId} className="field-label">
          方案文件
        </label>
        <input
          id={fileId}
          ref={input}
          type="file"
          accept={ACCEPTED_TYPES}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          className="file-input"
        />
        {upload.isError && <Alert type="error" showIcon role="alert" title={messageOf(upload.error)} style={{ margin: '12px 0' }} />}
        <div style={{ marginTop: 12 }}>
          <Button type="primary" disabled={!file || upload.isPending} onClick={send}>
            {upload.isPending ? '正在解析…' : '上传并预览'}
          </Button>
        </div>
      </Section>
    </>
  );
}
