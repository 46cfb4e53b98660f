/**
 * How faithfully a scan of each seed plan imports: every seed printed (running header, page numbers),
 * rasterised at 200 dpi with a ±0.4° skew and speckle, read back by tesseract through `importScan`,
 * and compared item by item with the import of the seed's text on the fields the seed tests check
 * (牵头单位, 责任单位, 配合单位, 完成时限). A field that differs is either flagged (a low-confidence
 * warning names the item and the field, or the item's own line) or silent; silent differences and
 * items the scan lost are what the supervisor would not be told to check.
 *
 * `ruled-<seed>` is the seed's items printed as one ruled table (序号/重点任务/牵头单位/完成时限), compared
 * with the import of the same document's text layer.
 *
 *   npx ts-node -T -r tsconfig-paths/register bench/import-formats/scan-fidelity.ts [--tsv-cache <dir>] [seed | ruled-<seed> …]
 *
 * `--tsv-cache <dir>` keeps tesseract's answers and replays them (see tesseract-cache.ts): the first run
 * costs the OCR, the next ones measure only the layout and parsing code on the same OCR output.
 */
import { importDocument, importScan } from '../../libs/importer/src/import-document';
import type { ParsedPlan } from '../../libs/importer/src/types';
import { buildPdf } from '../../libs/importer/test/build-pdf';
import { scanPdf } from '../../libs/importer/test/build-scan';
import { compareScan, type ScanFidelity } from '../../libs/importer/test/scan-fidelity';
import { ruledTablePages, SEEDS, seedPdf, textImport } from '../../libs/importer/test/seed-documents';
import { cacheTesseract } from './tesseract-cache';

/** The document to print and scan, and the import its scan must match. */
async function documentOf(name: string): Promise<{ pdf: Buffer; reference: ParsedPlan }> {
  const ruled = /^ruled-(\d+)$/.exec(name);
  if (!ruled) return { pdf: await seedPdf(name), reference: textImport(name) };
  const pdf = await buildPdf(ruledTablePages(ruled[1]));
  return { pdf, reference: await importDocument({ fileName: `${name}.pdf`, content: pdf }) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cacheAt = args.indexOf('--tsv-cache');
  if (cacheAt >= 0 && !args[cacheAt + 1]) throw new Error('--tsv-cache needs a directory');
  const cache = cacheAt >= 0 ? cacheTesseract(args.splice(cacheAt, 2)[1]) : undefined;
  const seeds = args.length ? args : [...SEEDS, 'ruled-003', 'ruled-004'];
  const rows: Array<ScanFidelity & { seed: string; pages: number; seconds: number }> = [];
  for (const seed of seeds) {
    const { pdf, reference } = await documentOf(seed);
    const pages = await scanPdf(pdf, { dpi: 200 });
    const started = Date.now();
    const scan = await importScan(
      { fileName: `scan-${seed}.pdf`, content: await buildPdf([], { images: pages }) },
      { maxPages: 20, pageTimeoutMs: 600_000, onPage: (d, n) => void process.stderr.write(`seed ${seed}: page ${d}/${n}\n`) },
    );
    rows.push({ seed, pages: pages.length, seconds: (Date.now() - started) / 1000, ...compareScan(scan, reference) });
  }
  console.log('| seed | pages | s/page | items (text) | items read | items lost | lost, not warned | fields equal | differ, flagged | differ, silent |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.seed} | ${r.pages} | ${(r.seconds / r.pages).toFixed(1)} | ${r.textItems} | ${r.matched} | ${r.lost.length} | ${r.lostSilently.length} | ${r.equal}/${r.compared} | ${r.flagged} | ${r.silent.length} |`,
    );
  }
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
  console.log(
    `| all | ${sum((r) => r.pages)} | | ${sum((r) => r.textItems)} | ${sum((r) => r.matched)} | ${sum((r) => r.lost.length)} | ${sum((r) => r.lostSilently.length)} | ${sum((r) => r.equal)}/${sum((r) => r.compared)} | ${sum((r) => r.flagged)} | ${sum((r) => r.silent.length)} |`,
  );
  if (cache) console.log(`\ntesseract answers replayed: ${cache.hits()}, read: ${cache.misses()}`);
  for (const r of rows) {
    if (r.silent.length || r.lost.length) console.log(`\nseed ${r.seed}: lost ${r.lost.join(', ') || '—'} (not warned: ${r.lostSilently.join(', ') || '—'}); silent: ${r.silent.join('; ') || '—'}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
