import * as iconv from 'iconv-lite';
import { DEFAULT_READ_LIMITS, ImportError, MAX_BYTES, type ReadLimits } from './errors';
import { parsePlanSheets, parsePlanText } from './parse';
import { docxToText } from './readers/docx.reader';
import { layoutText } from './readers/layout/layout-text';
import { flagLowConfidence, flagUnreadUnits } from './ocr-flags';
import { flagNumberingGaps } from './ocr-gaps';
import { flagRepairedNumbers, repairItemNumbers } from './ocr-numbers';
import { flagUnreadText } from './ocr-unread';
import { ocrPages, type OcrOptions } from './readers/ocr.reader';
import { readOfdPages } from './readers/ofd.reader';
import { readPdfPages } from './readers/pdf.reader';
import { assertSafeOfficeZip } from './readers/zip-guard';
import { declaredCharset, htmlToText, looksLikeHtml } from './readers/html.reader';
import { parseCsv, readXlsx } from './readers/table.reader';
import { decodeText, looksBinary } from './readers/txt.reader';
import { extensionType, looksLikeCsv, sniffBinary } from './sniff';
import type { ParsedPlan } from './types';

export interface ImportSource {
  fileName: string;
  content: Buffer;
  /** Page and time limits for PDF and OFD; defaults when not given. */
  limits?: ReadLimits;
}

function decodeHtml(buf: Buffer): string {
  const head = buf.subarray(0, 2048).toString('latin1');
  const charset = declaredCharset(head);
  if (charset && /^(gb2312|gbk|gb18030|big5)$/.test(charset) && iconv.encodingExists(charset)) {
    return iconv.decode(buf, charset === 'gb2312' || charset === 'gbk' ? 'gb18030' : charset);
  }
  return decodeText(buf);
}

/**
 * Any supported document → ParsedPlan. The type comes from the bytes first (a .txt that is really
 * a docx still works), the file extension only breaks ties. Throws ImportError only.
 */
export async function importDocument(src: ImportSource): Promise<ParsedPlan> {
  const buf = src.content;
  if (!Buffer.isBuffer(buf)) throw new ImportError('unreadable', '上传内容不是文件');
  if (buf.length > MAX_BYTES) throw new ImportError('too_large', `文件超过 ${MAX_BYTES / 1024 / 1024} MB`);
  if (buf.length === 0) throw new ImportError('empty', '文件为空');
  const opts = { fileName: src.fileName };
  const binary = sniffBinary(buf);
  if (binary === 'docx' || binary === 'xlsx') assertSafeOfficeZip(buf);
  switch (binary) {
    case 'docx':
      return parsePlanText(await docxToText(buf), opts);
    case 'xlsx':
      return parsePlanSheets(await readXlsx(buf), opts);
    case 'ofd':
      return parsePlanText(layoutText(readOfdPages(buf, src.limits ?? DEFAULT_READ_LIMITS)).text, opts);
    case 'zip':
      throw new ImportError('unsupported_type', '压缩包不是 Word(.docx)、Excel(.xlsx) 或 OFD 文档');
    case 'ole':
      throw new ImportError('unsupported_type', '旧版 .doc/.xls 格式不支持，请另存为 .docx 或 .xlsx');
    case 'pdf': {
      const { pages } = await readPdfPages(buf, src.limits ?? DEFAULT_READ_LIMITS);
      if (pages.some((p) => p.runs.length === 0)) {
        throw new ImportError('needs_ocr', 'PDF 含有没有文字层的页面（扫描件），需要文字识别');
      }
      return parsePlanText(layoutText(pages).text, opts);
    }
    case 'image':
      throw new ImportError('needs_ocr', '图片需要文字识别');
  }
  if (looksBinary(buf)) {
    const ext = extensionType(src.fileName);
    throw new ImportError(
      ext ? 'unreadable' : 'unsupported_type',
      ext ? `文件内容与扩展名 .${ext} 不符，无法读取` : '不支持的文件类型',
    );
  }
  const ext = extensionType(src.fileName);
  const head = buf.subarray(0, 4000).toString('latin1');
  if (looksLikeHtml(head) || (ext === 'html' && /</.test(head))) {
    return parsePlanText(htmlToText(decodeHtml(buf)), opts);
  }
  const text = decodeText(buf);
  if (ext === 'csv' || (ext !== 'txt' && looksLikeCsv(text)) || (ext === 'txt' && looksLikeCsv(text) && !/[。]/.test(text.slice(0, 2000)))) {
    return parsePlanSheets([{ name: src.fileName.replace(/\.[^.]+$/, '') || 'Sheet1', rows: parseCsv(text.replace(/^\uFEFF/, '')) }], opts);
  }
  return parsePlanText(text, opts);
}

/**
 * A scan (a PDF with pages that have no text layer, or a JPG/PNG/TIFF) → ParsedPlan through OCR.
 * Slow (seconds a page): the worker runs it, never an HTTP request. Fields read from poorly
 * recognised lines come back as warnings.
 */
export async function importScan(src: ImportSource, opts: OcrOptions): Promise<ParsedPlan> {
  const kind = sniffBinary(src.content);
  if (kind !== 'pdf' && kind !== 'image') throw new ImportError('unsupported_type', '文字识别只接受 PDF 或 JPG/PNG/TIFF 图片');
  const read = layoutText(await ocrPages(src.content, kind, opts, src.limits ?? DEFAULT_READ_LIMITS));
  // Item numbers OCR misread are put back before parsing: the line count stays, so confidences and
  // page positions still point at the right lines.
  const { text, repairs } = repairItemNumbers(read.text);
  const layout = { ...read, text };
  let plan = parsePlanText(text, { fileName: src.fileName, scanned: true });
  plan = flagLowConfidence(plan, layout);
  plan = flagRepairedNumbers(plan, repairs);
  plan = flagUnreadUnits(plan, text);
  plan = flagNumberingGaps(plan, text);
  return flagUnreadText(plan, layout);
}
