import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as child from '../../libs/importer/src/readers/child-process';

/**
 * Keeps each tesseract answer on disk, keyed by the exact image and arguments, and replays it the
 * next time the same page is read. The scans are deterministic (fixed skew, seeded speckle), so a
 * replay is the run tesseract would have made: it lets a change in the layout and parsing code be
 * measured against the same OCR output, in seconds instead of the ~8 s of CPU a page tesseract costs.
 * A page whose image the code changes (a ruled page read again without its rules) misses the cache and
 * goes to tesseract.
 */
export function cacheTesseract(dir: string): { hits: () => number; misses: () => number } {
  mkdirSync(dir, { recursive: true });
  const run = child.runChild;
  let [hits, misses] = [0, 0];
  // Replaced on the module object: the OCR reader calls it through the module's exports (CommonJS).
  (child as { runChild: typeof child.runChild }).runChild = async (command, args, opts) => {
    if (command !== 'tesseract') return run(command, args, opts);
    const key = createHash('sha256').update(JSON.stringify(args)).update(opts.input ?? Buffer.alloc(0)).digest('hex');
    const file = join(dir, `${key}.tsv`);
    const kept = await readFile(file).catch(() => undefined);
    if (kept) {
      hits++;
      return { stdout: kept, stderr: '', code: 0 };
    }
    misses++;
    const res = await run(command, args, opts);
    if (res.code === 0) await writeFile(file, res.stdout);
    return res;
  };
  return { hits: () => hits, misses: () => misses };
}
