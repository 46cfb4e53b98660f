// Builds api, worker and cli when any source is newer than the last build. Output to stderr,
// so `npm run cli -- import x --json` keeps stdout for the JSON.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts') || e.name.endsWith('.json')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function buildIfStale() {
  const sources = Math.max(newest(join(root, 'apps')), newest(join(root, 'libs')), statSync(join(root, 'tsconfig.json')).mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  process.stderr.write('duban: building api, worker and cli …\n');
  for (const app of ['api', 'worker', 'cli']) {
    execSync(`npx nest build ${app}`, { cwd: root, stdio: ['ignore', 2, 2] });
  }
  writeFileSync(stamp, new Date().toISOString());
}

function ensureInstalled() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs) return;
  process.stderr.write('duban: installing dependencies (npm ci, exactly package-lock.json) …\n');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: ['ignore', 2, 2] });
}

const ENTRY = {
  api: join(root, 'dist/apps/api/apps/api/src/main.js'),
  worker: join(root, 'dist/apps/worker/apps/worker/src/main.js'),
  cli: join(root, 'dist/apps/cli/apps/cli/src/main.js'),
};

module.exports = { buildIfStale, ensureInstalled, ENTRY, root };

if (require.main === module) {
  ensureInstalled();
  buildIfStale();
}
