// How long the worker takes for a 20-page scan: the seeds printed one after another, the first 20
// pages scanned at 300 dpi (slight skew, speckle), read by importScan as the OCR job does.
// Run: npx ts-node -T -r tsconfig-paths/register bench/import-formats/scan-time.ts [pages]
import { importScan } from '@app/importer';
import { buildPdf } from '../../libs/importer/test/build-pdf';
import { scanPdf } from '../../libs/importer/test/build-scan';
import { layoutPages, seedBlocks } from '../../libs/importer/test/page-layout';
import { SEEDS } from '../../libs/importer/test/seed-documents';
import { seed } from '../../libs/importer/test/seeds';

async function main() {
  const pages = Number(process.argv[2] ?? 20);
  const printed = layoutPages(SEEDS.flatMap((p) => seedBlocks(seed(p).text)), { pageNumbers: true }).slice(0, pages);
  const scan = await buildPdf([], { images: await scanPdf(await buildPdf(printed)) });
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const p = await importScan({ fileName: 'scan.pdf', content: scan }, { maxPages: pages, pageTimeoutMs: 900_000 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  console.log(`${printed.length} scanned pages: ${wall.toFixed(0)} s wall (${(wall / printed.length).toFixed(1)} s a page), ${p.tasks.length} items, ${p.warnings.length} warnings; node's own CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
}

void main();
