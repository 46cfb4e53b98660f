// Loads the importer as it is at another git revision (default: before issue #15's work), so
// accuracy and speed can be compared before/after in one process. The copy lives under
// bench/import-accuracy/.baseline/<sha> (git-ignored); node_modules resolve from the repository root.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as Importer from '@app/importer';

const root = join(__dirname, '../..');

/** The importer before issue #15's work (main at 705856a); BASELINE_REF picks another revision. */
export const BEFORE_ISSUE_15 = '705856a';

export function baselineRef(): string {
  const ref = process.env.BASELINE_REF ?? BEFORE_ISSUE_15;
  return execFileSync('git', ['rev-parse', '--short', ref], { cwd: root, encoding: 'utf8' }).trim();
}

export function loadBaseline(ref = baselineRef()): typeof Importer {
  const dir = join(__dirname, '.baseline', ref);
  if (!existsSync(join(dir, 'libs/importer/src/index.ts'))) {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', ref, 'libs/importer/src'], { cwd: root });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(dir, 'libs/importer/src/index.ts')) as typeof Importer;
}
