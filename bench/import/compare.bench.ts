// The parser against itself before issue #15 (705856a, or BASELINE_REF), in one process, on the
// five seeds and on the 40-document corpus. Rounds alternate old/new so a busy shared machine slows
// both alike, and CPU time (not wall time) is what is compared. Run: npx ts-node -T -r tsconfig-paths/register bench/import/compare.bench.ts
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanText } from '@app/importer';
import { baselineRef, loadBaseline } from '../import-accuracy/baseline';

type Parse = (text: string) => unknown;

const seedDir = join(__dirname, '../../seeds');
const corpusDir = join(__dirname, '../../libs/importer/test/fixtures/corpus');
const read = (dir: string, re: RegExp) =>
  readdirSync(dir)
    .filter((f) => re.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
const sets = { seeds: read(seedDir, /^\d{3}_.*\.txt$/), corpus: read(corpusDir, /^\d{2}-.*\.txt$/) };

/** A document the old parser refuses still costs its time; the error is part of the work. */
const guard = (parse: Parse) => (t: string) => {
  try {
    parse(t);
  } catch {
    /* ImportError: counted like a parse */
  }
};

/** CPU seconds of this process: the shared machine's other jobs do not count against either side. */
function time(fn: (t: string) => void, texts: string[]): number {
  const start = process.cpuUsage();
  for (const t of texts) fn(t);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const old = guard(loadBaseline().parsePlanText as Parse);
const now = guard(parsePlanText as Parse);
console.log(`old = importer at ${baselineRef()}, new = working tree`);
for (const [name, texts] of Object.entries(sets)) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  for (let i = 0; i < 10; i++) { old(texts[i % texts.length]); now(texts[i % texts.length]); } // warm-up
  for (let i = 0; i < 5; i++) { time(old, texts); time(now, texts); }
  let tOld = 0;
  let tNew = 0;
  let rounds = 0;
  while (tOld + tNew < 4) {
    tOld += time(old, texts);
    tNew += time(now, texts);
    rounds++;
  }
  const mb = (t: number) => ((bytes * rounds) / 1024 / 1024 / t).toFixed(2).padStart(7);
  console.log(`${name.padEnd(7)} ${(bytes / 1024).toFixed(1).padStart(6)} KB × ${rounds}: old ${mb(tOld)} MB/s  new ${mb(tNew)} MB/s  new/old = ${(tOld / tNew).toFixed(3)}`);
}
