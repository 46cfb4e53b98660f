// Parser throughput over the five seeds, against a baseline that only splits the same text into
// lines and runs one regex over each. Run: npx ts-node -T -r tsconfig-paths/register bench/import/import.bench.ts
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanText } from '@app/importer';

const dir = join(__dirname, '../../seeds');
const texts = readdirSync(dir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

function run(label: string, fn: (text: string) => number, seconds = 2): number {
  for (let i = 0; i < 20; i++) for (const t of texts) fn(t); // warm-up for the JIT
  let rounds = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    for (const t of texts) sink += fn(t);
    rounds++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const mbps = (bytes * rounds) / 1024 / 1024 / elapsed;
  console.log(`${label.padEnd(10)} ${mbps.toFixed(2).padStart(9)} MB/s  (${rounds} rounds over ${(bytes / 1024).toFixed(1)} KB, ${elapsed.toFixed(2)} s, sink ${sink % 10})`);
  return mbps;
}

const HEADING = /^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])/;
const baseline = run('baseline', (t) => t.split(/\r?\n/).filter((l) => HEADING.test(l)).length);
const parser = run('parser', (t) => parsePlanText(t).tasks.length);
console.log(`ratio      parser/baseline = ${(parser / baseline).toFixed(4)} (baseline is ${(baseline / parser).toFixed(0)}x faster)`);
