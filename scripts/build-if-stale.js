// Builds api, worker and cli, and the web app, when any of their sources is newer than the last
// build. Output to stderr, so `npm run cli -- import x --json` keeps stdout for the JSON.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const webDir = join(root, 'apps', 'web');
const webStamp = join(webDir, 'dist', '.build-stamp');

function newest(dir, exts, skip = []) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (skip.includes(p)) continue;
    if (e.isDirectory()) t = Math.max(t, newest(p, exts, skip));
    else if (exts.some((x) => e.name.endsWith(x))) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
const fresh = (stampFile, sources) => existsSync(stampFile) && statSync(stampFile).mtimeMs >= sources;

function buildApps() {
  const sources = Math.max(
    newest(join(root, 'apps'), ['.ts', '.json'], [webDir]),
    newest(join(root, 'libs'), ['.ts', '.json']),
    mtime(join(root, 'tsconfig.json')),
  );
  if (fresh(stamp, sources)) return;
  process.stderr.write('duban: building api, worker and cli …\n');
  // Side by side: each is a single-threaded tsc run (about 13 s here), and the machine has two cores.
  // Every build is waited for; any failure fails the whole.
  execSync(
    "pids=''; for app in api worker cli; do npx nest build $app & pids=\"$pids $!\"; done; s=0; for p in $pids; do wait $p || s=1; done; exit $s",
    { cwd: root, stdio: ['ignore', 2, 2], shell: '/bin/bash' },
  );
  writeFileSync(stamp, new Date().toISOString());
}

/** The web app (apps/web → apps/web/dist), served by the API under /app. */
function buildWeb() {
  const sources = Math.max(
    newest(join(webDir, 'src'), ['.ts', '.tsx', '.css', '.json', '.svg', '.png']),
    mtime(join(webDir, 'index.html')),
    mtime(join(webDir, 'vite.config.mts')),
    mtime(join(root, 'package-lock.json')),
  );
  if (fresh(webStamp, sources)) return;
  process.stderr.write('duban: building the web app …\n');
  // Always a production build: run from Jest, NODE_ENV=test would give a development bundle in which
  // antd's dialogs all share one aria id ('test-id'), so every dialog is named after the first.
  execSync('npx vite build --config apps/web/vite.config.mts --logLevel warn', {
    cwd: root,
    stdio: ['ignore', 2, 2],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  writeFileSync(webStamp, new Date().toISOString());
}

function buildIfStale() {
  buildApps();
  buildWeb();
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

module.exports = { buildIfStale, buildWeb, ensureInstalled, ENTRY, root };

if (require.main === module) {
  ensureInstalled();
  buildIfStale();
}
