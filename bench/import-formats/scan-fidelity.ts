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
 *   npx ts-node -T -r tsconfig-paths/register bench/import-formats/scan-fidelity.ts [--tsv-cache <dir>] [--record <file>] [seed | ruled-<seed> …]
 *
 * `--tsv-cache <dir>` keeps tesseract's answers and replays them (see tesseract-cache.ts): the first run
 * costs the OCR, the next ones measure only the layout and parsing code on the same OCR output.
 * `--record <file>` writes tesseract's answers, per document in the order asked, gzipped JSON: run on all
 * documents it rewrites `libs/importer/test/fixtures/scan-answers.json.gz`, which scan-replay.spec.ts replays.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as child from '../../libs/importer/src/readers/child-process';
import { compareScan, SCANNED, scanOf, type ScanFidelity } from '../../libs/importer/test/scan-fidelity';
import { cacheTesseract } from './tesseract-cache';

/** Keeps every tesseract answer, per document in the order asked, for the test that replays them. */
function recordTesseract(): { document: (name: string) => void; answers: Record<string, string[]> } {
  const answers: Record<string, string[]> = {};
  let current = '';
  const run = child.runChild;
  (child as { runChild: typeof child.runChild }).runChild = async (command, args, opts) => {
    const res = await run(command, args, opts);
    if (command === 'tesseract' && res.code === 0) (answers[current] ??= []).push(res.stdout.toString('utf8'));
    return res;
  };
  return { document: (name) => void (current = name), answers };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    if (!args[at + 1]) throw new Error(`${name} needs a path`);
    return args.splice(at, 2)[1];
  };
  const cacheDir = option('--tsv-cache');
  const recordTo = option('--record');
  const cache = cacheDir ? cacheTesseract(cacheDir) : undefined;
  const recorder = recordTo ? recordTesseract() : undefined;
  const seeds = args.length ? args : SCANNED;
  const rows: Array<ScanFidelity & { seed: string; pages: number; seconds: number }> = [];
  for (const seed of seeds) {
    recorder?.document(seed);
    const { scan, reference, pages, seconds } = await scanOf(seed, (d, n) => void process.stderr.write(`seed ${seed}: page ${d}/${n}\n`));
    rows.push({ seed, pages, seconds, ...compareScan(scan, reference) });
  }
  if (recordTo && recorder) {
    mkdirSync(dirname(recordTo), { recursive: true });
    writeFileSync(recordTo, gzipSync(JSON.stringify(recorder.answers), { level: 9 }));
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
