import { Progress } from 'antd';
import { CopyField } from '../../components/CopyField';
import type { OcrProgress } from './import-queries';

/**
 * A scan the worker is reading: pages done of pages to read, in words and as a bar. The words are a
 * live region, so a screen reader hears each page as it is done.
 */
export function OcrPending({ fileName, ocr, link }: { fileName: string; ocr: OcrProgress | null; link: string }) {
  const done = ocr?.pagesDone ?? 0;
  const total = ocr?.pagesTotal ?? 0;
  const percent = total ? Math.floor((done / total) * 100) : 0;
  return (
    <div className="ocr-pending">
      <p className="ocr-file">
        文件：<strong>{fileName}</strong>
      </p>
      <p className="ocr-status" role="status" aria-live="polite">
        {total ? `正在识别文字：已识别 ${done} / ${total} 页` : '正在排队等待文字识别…'}
      </p>
      <Progress percent={percent} status="active" aria-label="文字识别进度" />
      <p className="ocr-note">
        扫描件由服务器在后台逐页识别：空闲时每页约 8 秒，服务器繁忙时每页 40 秒以上。此页会自动刷新；也可以离开此页，识别不会中断，稍后打开下面的地址即可预览。
      </p>
      <CopyField value={link} label="本次导入的地址" />
    </div>
  );
}
