import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SEEDS_DIR = join(__dirname, '../../../seeds');
export const FIXTURES_DIR = join(__dirname, 'fixtures');

/** Seed text by its number prefix ("000" … "004"). */
export function seed(prefix: string): { fileName: string; text: string } {
  const fileName = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!fileName) throw new Error(`seed ${prefix} missing`);
  return { fileName, text: readFileSync(join(SEEDS_DIR, fileName), 'utf8') };
}

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES_DIR, name));
}
