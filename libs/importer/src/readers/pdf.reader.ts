import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportError, type ReadLimits } from '../errors';
import { runChild } from './child-process';
import type { LaidOutPage } from './layout/positioned-text';
import { PDF_EXTRACT_SCRIPT } from './pdf-extract.script';

export interface PdfPages {
  pages: LaidOutPage[];
  /** Peak resident memory of the reading process, in kB (for the benchmark). */
  maxRssKb: number;
}

function pdfjsDir(): string {
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

/**
 * The positioned text of every page of a PDF. A page with no text is returned empty: it is a scan,
 * and the caller decides whether to OCR it. Broken, encrypted and over-long PDFs are refused.
 */
export async function readPdfPages(buf: Buffer, limits: ReadLimits): Promise<PdfPages> {
  const dir = pdfjsDir();
  const args = [
    '--max-old-space-size=1024',
    '-e',
    PDF_EXTRACT_SCRIPT,
    pathToFileURL(join(dir, 'legacy/build/pdf.mjs')).href,
    join(dir, 'cmaps') + '/',
    join(dir, 'standard_fonts') + '/',
    String(limits.maxPages),
  ];
  const res = await runChild(process.execPath, args, { input: buf, timeoutMs: limits.timeoutMs, what: ' PDF' });
  let parsed: { pages?: LaidOutPage[]; maxRss?: number; error?: string; pages_?: number; detail?: string };
  try {
    parsed = JSON.parse(res.stdout.toString('utf8')) as typeof parsed;
  } catch {
    throw new ImportError('unreadable', `PDF 无法读取（读取进程异常退出，代码 ${res.code ?? '?'}）`);
  }
  if (parsed.error === 'encrypted') throw new ImportError('encrypted', 'PDF 已加密（设有打开密码），请提供未加密的文件');
  if (parsed.error === 'too_many_pages') {
    const n = (parsed as { pages?: unknown }).pages;
    throw new ImportError('too_many_pages', `PDF 共 ${String(n)} 页，超过上限 ${limits.maxPages} 页`);
  }
  if (parsed.error || !parsed.pages) throw new ImportError('unreadable', `PDF 文件已损坏，无法读取（${parsed.detail ?? '无内容'}）`);
  return { pages: parsed.pages, maxRssKb: parsed.maxRss ?? 0 };
}
