import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPdf } from '../../test/build-pdf';
import { importScan } from '../import-document';
import { ImportError } from '../errors';

// A server without the OCR packages: the import fails with a message that says what to install,
// not with "spawn tesseract ENOENT". The programs are hidden by pointing PATH at an empty folder.
jest.setTimeout(120_000);

const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAG7buVgAAAABJRU5ErkJggg==', 'base64');

describe('importScan without the OCR packages installed', () => {
  const path = process.env.PATH;
  let empty: string;
  beforeEach(() => {
    empty = mkdtempSync(join(tmpdir(), 'duban-no-ocr-'));
    process.env.PATH = empty;
  });
  afterEach(() => {
    process.env.PATH = path;
    rmSync(empty, { recursive: true, force: true });
  });

  const failure = (p: Promise<unknown>) => p.then(() => new Error('the import succeeded'), (e: unknown) => e);

  it('says that tesseract and its Chinese model are missing, and which Debian packages to install', async () => {
    const e = await failure(importScan({ fileName: 'photo.png', content: PNG_1PX }, { maxPages: 1, pageTimeoutMs: 30_000 }));
    expect(e).toBeInstanceOf(ImportError);
    expect(e).toMatchObject({ code: 'ocr_unavailable' });
    expect((e as Error).message).toBe(
      '文字识别需要 tesseract（含中文语言包），服务器上没有安装；请管理员安装 Debian 软件包：apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils',
    );
  });

  it('says that pdftoppm is missing for a scanned PDF', async () => {
    process.env.PATH = path; // the PDF's page count is read first, by node and pdf.js
    const pdf = await buildPdf([], { images: [PNG_1PX] });
    process.env.PATH = empty;
    const e = await failure(importScan({ fileName: 'scan.pdf', content: pdf }, { maxPages: 1, pageTimeoutMs: 30_000 }));
    expect(e).toMatchObject({ code: 'ocr_unavailable' });
    expect((e as Error).message).toContain('文字识别需要 pdftoppm');
    expect((e as Error).message).toContain('apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils');
  });
});
