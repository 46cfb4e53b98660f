import { DEFAULT_READ_LIMITS, ImportError, type ReadLimits } from '../errors';
import { runChild } from './child-process';
import type { LaidOutPage } from './layout/positioned-text';
import { grayOf } from './image-gray';
import { writePgm } from './layout/ruled-grid';
import { parseTesseractTsv, readScanPage } from './ocr-tsv';
import { readPdfPages } from './pdf.reader';

export const OCR_PACKAGES = 'tesseract-ocr tesseract-ocr-chi-sim poppler-utils';
const MISSING = (what: string) => `文字识别需要 ${what}，服务器上没有安装；请管理员安装 Debian 软件包：apt-get install ${OCR_PACKAGES}`;

export interface OcrOptions {
  maxPages: number;
  /** Per page: rasterising and recognising one page may take this long. */
  pageTimeoutMs: number;
  /** Called after each page: pages done of the pages to read. */
  onPage?: (done: number, total: number) => Promise<void> | void;
}

/** Rendering resolution for scanned PDF pages: what tesseract reads best for body-size Chinese. */
const DPI = 300;

async function tesseractTsv(image: Buffer, timeoutMs: number): Promise<string> {
  // One thread: the worker runs other jobs, and OpenMP threads on a busy machine only thrash.
  const res = await runChild('tesseract', ['stdin', 'stdout', '-l', 'chi_sim', '--dpi', String(DPI), 'tsv'], {
    input: image,
    timeoutMs,
    what: '扫描件',
    notFound: MISSING('tesseract（含中文语言包）'),
  });
  if (res.code !== 0) {
    if (/chi_sim/.test(res.stderr) && /(load|find|open)/i.test(res.stderr)) throw new ImportError('ocr_unavailable', MISSING('中文语言包 chi_sim'));
    throw new ImportError('unreadable', `扫描件无法识别：${res.stderr.split('\n')[0] || `tesseract 退出代码 ${res.code}`}`);
  }
  return res.stdout.toString('utf8');
}

/**
 * One image through tesseract. A rasterised PDF page (PGM) or an uploaded PNG or JPEG is also searched
 * for ruled tables; a page that has them is read a second time with the rules whited out (see readScanPage).
 */
async function tesseract(image: Buffer, timeoutMs: number): Promise<LaidOutPage[]> {
  const gray = grayOf(image);
  const tsv = await tesseractTsv(image, timeoutMs);
  // A TIFF (maybe of several pages) is read as text only: no decoder here, and its pages come back together.
  if (!gray) return parseTesseractTsv(tsv);
  const first = readScanPage(tsv, gray);
  if (!first.again) return [first.page];
  return [first.again.reread(await tesseractTsv(writePgm(first.again.image), timeoutMs))];
}

async function rasterise(pdf: Buffer, page: number, timeoutMs: number): Promise<Buffer> {
  // A binary PGM: tesseract reads it as it reads a PNG, and the ruled-table finder reads its pixels directly.
  const res = await runChild('pdftoppm', ['-r', String(DPI), '-gray', '-f', String(page), '-l', String(page), '-'], {
    input: pdf,
    timeoutMs,
    what: ' PDF 页面',
    notFound: MISSING('pdftoppm'),
  });
  if (res.code !== 0 || res.stdout.length === 0) throw new ImportError('unreadable', `PDF 第 ${page} 页无法转为图像：${res.stderr.split('\n')[0]}`);
  return res.stdout;
}

/** Pages of a scan to OCR: a PDF's pages without a text layer, or 1 for an image. */
export async function scanPageCount(buf: Buffer, kind: 'pdf' | 'image', limits: { maxPages: number; timeoutMs: number }): Promise<number> {
  if (kind === 'image') return 1;
  const { pages } = await readPdfPages(buf, limits);
  return pages.filter((p) => p.runs.length === 0).length;
}

/**
 * The positioned text of a scan: image files go to tesseract as they are; a PDF keeps the pages that
 * have a text layer and has the others rasterised (pdftoppm) and recognised. Every OCR'd run carries
 * tesseract's confidence. Page coordinates are pixels for OCR'd pages and points for text pages;
 * lines are rebuilt per page, so the two never mix.
 *
 * The PDF is read under the same limits as any PDF (`limits`, what the upload was counted with); only
 * its pages without text count against the OCR page limit.
 */
export async function ocrPages(buf: Buffer, kind: 'pdf' | 'image', opts: OcrOptions, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<LaidOutPage[]> {
  if (kind === 'image') {
    await opts.onPage?.(0, 1);
    const pages = await tesseract(buf, opts.pageTimeoutMs);
    await opts.onPage?.(1, 1);
    return pages;
  }
  const { pages } = await readPdfPages(buf, limits);
  const scanned = pages.map((p, i) => (p.runs.length === 0 ? i : -1)).filter((i) => i >= 0);
  if (scanned.length > opts.maxPages) throw new ImportError('too_many_pages', `扫描件共 ${scanned.length} 页，超过文字识别上限 ${opts.maxPages} 页`);
  await opts.onPage?.(0, scanned.length);
  const out = [...pages];
  let done = 0;
  for (const i of scanned) {
    const [page] = await tesseract(await rasterise(buf, i + 1, opts.pageTimeoutMs), opts.pageTimeoutMs);
    if (page) out[i] = page;
    await opts.onPage?.(++done, scanned.length);
  }
  return out;
}
