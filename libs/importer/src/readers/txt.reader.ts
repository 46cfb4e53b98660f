import * as iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { ImportError } from '../errors';

const CJK = /[\u4e00-\u9fff]/g;

function strictUtf8(buf: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

/** Share of characters that are CJK or common punctuation/ASCII text: low means mojibake. */
function plausibility(text: string): number {
  if (!text) return 0;
  const bad = (text.match(/[\ufffd\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
  return 1 - bad / text.length;
}

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK/GB2312 (the
 * usual encodings of Chinese government files). Anything else is rejected as unknown_encoding
 * rather than imported as garbage.
 */
export function decodeText(buf: Buffer): string {
  if (buf.length === 0) return '';
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const t = strictUtf8(buf.subarray(3));
    if (t !== null) return t;
    throw new ImportError('unknown_encoding', '文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8');
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf16be');
  const utf8 = strictUtf8(buf);
  if (utf8 !== null) return utf8;

  const sample = buf.subarray(0, 64 * 1024);
  const guess = jschardet.detect(sample.toString('binary'));
  const name = (guess.encoding ?? '').toLowerCase();
  const candidates = /big5/.test(name) ? ['big5', 'gb18030'] : ['gb18030', 'big5'];
  for (const enc of candidates) {
    const text = iconv.decode(buf, enc);
    const cjk = (text.match(CJK) ?? []).length;
    // GB18030 decodes any byte sequence; require it to look like Chinese prose.
    if (plausibility(text) > 0.995 && cjk > 0 && cjk / text.length > 0.2) return text;
  }
  throw new ImportError('unknown_encoding', `无法识别文件编码（检测结果：${guess.encoding ?? '未知'}），请另存为 UTF-8 或 GBK`);
}

/** NUL bytes mean a binary file, not text in an exotic encoding. */
export function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8000);
  if (buf[0] === 0xff && buf[1] === 0xfe) return false;
  if (buf[0] === 0xfe && buf[1] === 0xff) return false;
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}
