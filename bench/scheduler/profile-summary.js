// Sums the .cpuprofile files given (e.g. the rounds BENCH_PROFILE wrote) and prints where the time went:
// self time by function, and inclusive time by module (a frame's time counted once per module on its stack).
// Run: node bench/scheduler/profile-summary.js /tmp/prof/batched-*.cpuprofile [top]
const { readFileSync } = require('node:fs');

const files = process.argv.slice(2).filter((f) => f.endsWith('.cpuprofile'));
const top = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 40);
const self = new Map();
const inclusive = new Map();
let total = 0;

const moduleOf = (url) => {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 13).split('/').slice(0, url.slice(nm + 13).startsWith('@') ? 2 : 1).join('/');
  if (url.startsWith('node:')) return url;
  return url.replace(/^.*?\/(apps|libs|bench|test)\//, '$1/');
};

for (const f of files) {
  const p = JSON.parse(readFileSync(f, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = new Map();
  p.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  for (const [id, us] of dt) {
    const n = byId.get(id);
    const cf = n.callFrame;
    if (cf.functionName === '(idle)' || cf.functionName === '(program)') continue;
    total += us;
    const key = `${cf.functionName || '(anon)'} ${moduleOf(cf.url)}:${cf.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const m = byId.get(x).callFrame.url ? moduleOf(byId.get(x).callFrame.url) : byId.get(x).callFrame.functionName;
      if (seen.has(m)) continue;
      seen.add(m);
      inclusive.set(m, (inclusive.get(m) ?? 0) + us);
    }
  }
}
const ms = (us) => (us / 1000).toFixed(0).padStart(7);
const pct = (us) => ((100 * us) / total).toFixed(1).padStart(5);
console.log(`busy ${ms(total)} ms over ${files.length} profile(s)\n\nself time by function:`);
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ms ${pct(us)}%  ${k}`);
console.log('\ninclusive time by module:');
for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ms ${pct(us)}%  ${k}`);
