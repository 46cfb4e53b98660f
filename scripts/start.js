#!/usr/bin/env node
// `npm start`: the quick start. Installs and builds (API, worker, CLI and the web app) if needed,
// makes sure Redis answers (starting a session redis-server when one is installed), runs an embedded
// PostgreSQL unless DATABASE_URL is set, migrates and loads the demo, then runs the API (which serves
// the web app) and the worker until Ctrl-C / SIGTERM, and opens the browser when there is a display.
// `npm start -- --no-demo` starts with an empty directory (a deployment for any city): migrate only.
const { spawn, spawnSync } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const net = require('node:net');
const { join, resolve } = require('node:path');

const { ensureInstalled, buildIfStale, ENTRY, root } = require('./build-if-stale');

const say = (s) => process.stderr.write(`duban: ${s}\n`);
const env = { ...process.env };
env.REDIS_URL ||= 'redis://127.0.0.1:6379';
env.DATA_DIR ||= join(root, 'data');
env.PORT ||= '3000';

function redisPing(url) {
  const u = new URL(url);
  return new Promise((ok) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (v) => { s.destroy(); ok(v); };
    s.setTimeout(1000, () => done(false));
    s.on('error', () => done(false));
    s.on('connect', () => s.write(u.password ? `AUTH ${decodeURIComponent(u.password)}\r\nPING\r\n` : 'PING\r\n'));
    s.on('data', (d) => done(/PONG/.test(String(d))));
  });
}

const hasBinary = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function ensureRedis(children) {
  if (env.REDIS_URL.startsWith('redis+sentinel:')) return; // the apps check it themselves
  if (await redisPing(env.REDIS_URL)) return;
  const u = new URL(env.REDIS_URL);
  const local = ['127.0.0.1', 'localhost', '::1'].includes(u.hostname);
  if (!local || !hasBinary('redis-server')) {
    say(`Redis does not answer at ${env.REDIS_URL}.`);
    say('Start one (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis; or docker compose -f docker/docker-compose.yml up -d redis)');
    say('or set REDIS_URL to a running Redis with maxmemory-policy noeviction.');
    process.exit(1);
  }
  const dir = resolve(env.DATA_DIR, 'redis');
  mkdirSync(dir, { recursive: true });
  say(`starting redis-server for this session on port ${u.port || 6379} (data in ${dir})`);
  const redis = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(u.port || 6379), '--dir', dir,
    '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', ''], { stdio: 'ignore' });
  children.push({ name: 'redis', proc: redis, last: true });
  for (let i = 0; i < 50; i++) {
    if (await redisPing(env.REDIS_URL)) return;
    await sleep(100);
  }
  say('redis-server did not come up'); process.exit(1);
}

/** Opens the web app in the desktop's browser once the API answers; without a display, the address above is enough. */
async function openBrowserWhenUp(address) {
  const display = process.platform === 'darwin' || process.platform === 'win32' || env.DISPLAY || env.WAYLAND_DISPLAY;
  if (!display || env.CI || env.DUBAN_NO_BROWSER) return;
  for (let i = 0; i < 150; i++) {
    const up = await fetch(`${address}/health`).then((r) => r.ok, () => false);
    if (up) break;
    await sleep(200);
  }
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [address]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', address]] : ['xdg-open', [address]];
  if (process.platform === 'linux' && !hasBinary('xdg-open')) return;
  spawn(cmd, args, { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}

// Asynchronous on purpose: this process serves the embedded database the child talks to.
function run(entry, args) {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [entry, ...args], { stdio: 'inherit', env });
    child.on('exit', (code) => (code === 0 ? ok() : process.exit(code ?? 1)));
  });
}

async function main() {
  ensureInstalled();
  buildIfStale();
  const children = [];
  let embedded = null;
  await ensureRedis(children);
  if (!env.DATABASE_URL) {
    // One PGlite for the API, the worker and the demo loader: this process serves it.
    const { startEmbeddedPostgres } = require(join(root, 'dist/apps/cli/libs/persistence/src/embedded-postgres.js'));
    embedded = await startEmbeddedPostgres(env.DATA_DIR);
    env.DATABASE_URL = embedded.url;
    say(`embedded PostgreSQL (PGlite) in ${env.DATA_DIR}/pg`);
  }
  const demo = !process.argv.includes('--no-demo');
  say(demo ? 'migrating and loading the demo data …' : 'migrating (no demo data: the directory starts empty) …');
  await run(ENTRY.cli, [demo ? 'demo' : 'migrate']);

  for (const name of ['api', 'worker']) {
    const proc = spawn(process.execPath, [ENTRY[name]], { stdio: 'inherit', env });
    children.push({ name, proc });
    proc.on('exit', (code, signal) => {
      if (!stopping) { say(`${name} exited (${signal ?? code}); stopping`); stop(code || 1); }
    });
  }
  const address = `http://localhost:${env.PORT}`;
  say(`API on ${address} — docs at ${address}/docs, health at /health`);
  if (demo) say(`open ${address} and log in as kjj.staff (password duban-demo; README lists every demo user)`);
  else say(`open ${address} and log in as the admin (ADMIN_USERNAME / ADMIN_PASSWORD), then import the directory: README "How a new city sets Duban up"`);
  void openBrowserWhenUp(address);

  let stopping = false;
  async function stop(code = 0) {
    if (stopping) return;
    stopping = true;
    const apps = children.filter((c) => !c.last);
    await Promise.all(apps.map((c) => new Promise((r) => {
      if (c.proc.exitCode !== null) return r();
      c.proc.once('exit', r); c.proc.kill('SIGTERM');
    })));
    if (embedded) await embedded.stop();
    for (const c of children.filter((c) => c.last)) c.proc.kill('SIGTERM');
    process.exit(code);
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

main().catch((e) => { say(e.message); process.exit(1); });
