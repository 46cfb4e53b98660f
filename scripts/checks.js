// The static checks of `npm test` (typecheck, lint, API types) side by side: each is one process on one
// core, so together they take the time of the slowest. Output is shown per check, failures name the check.
const { spawn } = require('node:child_process');

const checks = ['typecheck', 'lint', 'api:types:check'];
const run = (name) =>
  new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ name, code, out }));
  });

Promise.all(checks.map(run)).then((results) => {
  for (const r of results) {
    console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name}`);
    if (r.out.trim()) console.log(r.out.trimEnd());
  }
  const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
  if (failed.length) {
    console.error(`checks failed: ${failed.join(', ')}`);
    process.exit(1);
  }
});
