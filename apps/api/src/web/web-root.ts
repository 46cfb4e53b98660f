import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The built web app (apps/web/dist), found by walking up from this file: the same code runs from
 * apps/api/src (tests) and from dist/apps/api/apps/api/src (the compiled API).
 */
export function findWebDist(from = __dirname): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}
