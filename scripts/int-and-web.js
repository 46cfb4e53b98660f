// `npm test`'s integration and browser suites side by side. Each alone leaves a core of the two idle
// much of the time (a CI run used 26.6 min of CPU in 24.3 min of wall clock with them one after the
// other: 1.1 cores), and they share nothing but the servers: every integration file and every browser
// worker has its own schema, queue prefix, ports and mail sink. The apps and the web app are built once
// first, so the two suites' own build-if-stale steps find them fresh instead of building at once.
// Output lines are prefixed [int] / [web]; the run fails, naming the suite, if either fails.
const { spawn } = require('node:child_process');
const { createInterface } = require('node:readline');
const { buildIfStale } = require('./build-if-stale');

buildIfStale();
const started = Date.now();
const run = (name, script) =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${name}] ${line}\n`));
    }
    child.on('close', (code) => resolve({ name, code, minutes: ((Date.now() - started) / 60_000).toFixed(1) }));
  });

Promise.all([run('int', 'test:int'), run('web', 'test:web')]).then((results) => {
  for (const r of results) console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} test:${r.name} (${r.minutes} min)`);
  const failed = results.filter((r) => r.code !== 0).map((r) => `test:${r.name}`);
  if (failed.length) {
    console.error(`failed: ${failed.join(', ')}`);
    process.exit(1);
  }
});
