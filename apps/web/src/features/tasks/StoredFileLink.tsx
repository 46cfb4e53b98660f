import { PaperClipOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { openStoredFile, UploadedFile } from './evidence-upload';

/** A stored evidence file as a download button (the download needs the session's token). */
export function StoredFileLink({ file }: { file: Pick<UploadedFile, 'id' | 'name'> }) {
  const [failed, setFailed] = useState(false);
  return (
    <>
      <Button type="link" size="small" icon={<PaperClipOutlined aria-hidden />} style={{ padding: 0 }} onClick={() => openStoredFile(file).then(() => setFailed(false), () => setFailed(true))}>
        {file.name}
      </Button>
      {failed && <span role="alert"> 下载未成功，请重试</span>}
    </>
  );
}
