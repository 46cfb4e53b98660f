/**
 * How faithfully a scan of each seed plan imports: every seed printed (running header, page numbers),
 * rasterised at 200 dpi with a ±0.4° skew and speckle, read back by tesseract through `importScan`,
 * and compared item by item with the import of the seed's text on the fields the seed tests check
 * (牵头单位, 责任单位, 配合单位, 完成时限). A field that differs is either flagged (a low-confidence
 * warning names the item and the field, or the item's own line) or silent; silent differences and
 * items the scan lost are what the supervisor would not be told to check.
 *
 *   npx ts-node -T -r tsconfig-paths/register bench/import-formats/scan-fidelity.ts [seed …]
 */
import { importScan } from '../../libs/importer/src/import-document';
import { buildPdf } from '../../libs/importer/test/build-pdf';
import { scanPdf } from '../../libs/importer/test/build-scan';
import { compareScan, type ScanFidelity } from '../../libs/importer/test/scan-fidelity';
import { SEEDS, seedPdf, textImport } from '../../libs/importer/test/seed-documents';

async function main(): Promise<void> {
  const seeds = process.argv.slice(2).length ? process.argv.slice(2) : SEEDS;
  const rows: Array<ScanFidelity & { seed: string; pages: number; seconds: number }> = [];
  for (const seed of seeds) {
    const pages = await scanPdf(await seedPdf(seed), { dpi: 200 });
    const started = Date.now();
    const scan = await importScan(
      { fileName: `scan-${seed}.pdf`, content: await buildPdf([], { images: pages }) },
      { maxPages: 20, pageTimeoutMs: 600_000, onPage: (d, n) => void process.stderr.write(`seed ${seed}: page ${d}/${n}\n`) },
    );
    rows.push({ seed, pages: pages.length, seconds: (Date.now() - started) / 1000, ...compareScan(scan, textImport(seed)) });
  }
  console.log('| seed | pages | s/page | items (text) | items read | items lost | fields equal | differ, flagged | differ, silent |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.seed} | ${r.pages} | ${(r.seconds / r.pages).toFixed(1)} | ${r.textItems} | ${r.matched} | ${r.lost.length} | ${r.equal}/${r.compared} | ${r.flagged} | ${r.silent.length} |`,
    );
  }
  for (const r of rows) if (r.silent.length || r.lost.length) console.log(`\nseed ${r.seed}: lost ${r.lost.join(', ') || '—'}; silent: ${r.silent.join('; ') || '—'}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
