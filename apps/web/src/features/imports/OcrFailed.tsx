import { Result } from 'antd';
import { Link } from 'react-router';

/** A scan OCR could not read: the worker's reason, in its words, and the way back to upload another file. */
export function OcrFailed({ fileName, reason }: { fileName: string; reason: string | null }) {
  return (
    <Result
      status="error"
      title="文字识别失败"
      subTitle={
        <>
          <span role="alert" className="ocr-reason">
            {fileName}：{reason ?? '未说明原因'}
          </span>
          <span className="ocr-hint">请确认扫描件清晰、页面方向端正，或改为上传带文字层的 PDF、Word 文件。</span>
        </>
      }
      extra={<Link to="/imports/new">重新上传其他文件</Link>}
    />
  );
}
