import mammoth from 'mammoth';
import { ImportError } from '../errors';
import { htmlToText } from './html.reader';

/**
 * Text of a .docx. Going through mammoth's HTML (not extractRawText) keeps paragraphs and table
 * cells apart, so tables read exactly like the flattened web tables the parser already knows.
 */
export async function docxToText(buf: Buffer): Promise<string> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: buf });
    return htmlToText(value);
  } catch (e) {
    throw new ImportError('unreadable', `无法读取 Word 文档：${e instanceof Error ? e.message : String(e)}`);
  }
}
