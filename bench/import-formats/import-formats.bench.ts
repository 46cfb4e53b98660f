// Throughput and peak memory of the fixed-layout readers against the txt reader on the same text.
// Run: npm run bench:import-formats. Each format runs in a child process under GNU time, so the peak
// RSS is that format's own (the largest process of its tree: node, or pdf.js's child, or tesseract).
import { spawnSync } from 'node:child_process';
import { importDocument, importScan } from '@app/importer';
import { buildPdf } from '../../libs/importer/test/build-pdf';
import { scanPdf } from '../../libs/importer/test/build-scan';
import { SEEDS, seedOfd, seedPages } from '../../libs/importer/test/seed-documents';
import { seed } from '../../libs/importer/test/seeds';

type Format = 'txt' | 'pdf' | 'ofd' | 'ocr';
const FORMATS: Format[] = ['txt', 'pdf', 'ofd', 'ocr'];
/** OCR is seconds a page: two pages of seed 003 stand for it. */
const OCR_PAGES = 2;
const ROUNDS = 3;

async function measure(format: Format): Promise<{ pages: number; seconds: number }> {
  const docs = await Promise.all(
    SEEDS.map(async (prefix) => {
      const pages = seedPages(prefix);
      const s = seed(prefix);
      const content =
        format === 'txt' ? Buffer.from(s.text) : format === 'pdf' ? await buildPdf(pages) : format === 'ofd' ? await seedOfd(prefix) : Buffer.alloc(0);
      return { name: `${prefix}.${format}`, content, pages: pages.length };
    }),
  );
  if (format === 'ocr') {
    const images = await scanPdf(await buildPdf(seedPages('003')), { pages: OCR_PAGES });
    const scan = await buildPdf([], { images });
    const start = process.hrtime.bigint();
    await importScan({ fileName: 'scan.pdf', content: scan }, { maxPages: 50, pageTimeoutMs: 600_000 });
    return { pages: OCR_PAGES, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  }
  let pages = 0;
  const start = process.hrtime.bigint();
  for (let r = 0; r < ROUNDS; r++) {
    for (const d of docs) {
      await importDocument({ fileName: d.name, content: d.content });
      pages += d.pages;
    }
  }
  return { pages, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

async function main() {
  const one = process.argv[2] as Format | undefined;
  if (one) {
    process.stdout.write(JSON.stringify(await measure(one)));
    return;
  }
  const results = new Map<Format, { pps: number; rssMb: number }>();
  for (const f of FORMATS) {
    // GNU time prints the peak RSS (kB) of the largest process it waited for, on stderr's last line.
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...process.execArgv, __filename, f], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${f}: ${r.stderr}`);
    const m = JSON.parse(r.stdout) as { pages: number; seconds: number };
    const rssKb = Number(r.stderr.trim().split('\n').pop());
    results.set(f, { pps: m.pages / m.seconds, rssMb: rssKb / 1024 });
    console.log(`${f.padEnd(4)} ${(m.pages / m.seconds).toFixed(2).padStart(9)} pages/s  peak RSS ${(rssKb / 1024).toFixed(0).padStart(5)} MB  (${m.pages} pages in ${m.seconds.toFixed(2)} s)`);
  }
  const txt = results.get('txt')!;
  for (const f of FORMATS.slice(1)) {
    const r = results.get(f)!;
    console.log(`ratio ${f}/txt: speed ${(r.pps / txt.pps).toFixed(4)}  peak RSS ${(r.rssMb / txt.rssMb).toFixed(2)}`);
  }
}

void main();
