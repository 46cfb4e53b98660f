// Uploads: 20 concurrent 20 MB evidence files to the compiled API (its own process, so its memory is
// its own), against writing the same bytes to the same disk in the same run. Prints throughput as a
// ratio to the disk and the API's peak RSS. See bench/uploads/README.md.
/// <reference path="../../test/support/s3rver.d.ts" />
import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import S3rver from 's3rver';
import { BENCH_DATABASE_URL } from '../support/bench-app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildIfStale, ENTRY } = require('../../scripts/build-if-stale');

const MB = 1024 * 1024;
const FILES = Number(process.env.BENCH_FILES ?? 20);
const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BIG_MB = 100;
const PDF_HEAD = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
const FILLER = randomBytes(MB);

/** `bytes` of a PDF-looking file, produced 64 KiB at a time (never held whole). */
function fileStream(bytes: number, seed: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) return this.push(null);
      let chunk: Buffer;
      if (sent === 0) chunk = PDF_HEAD;
      else {
        const off = (sent * 7 + seed * 4099) % (FILLER.length - 65536);
        chunk = FILLER.subarray(off, off + Math.min(65536, bytes - sent));
      }
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** Resident memory of a process, from /proc (kB → MB). */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

async function startApi(env: Record<string, string>): Promise<{ proc: ChildProcess; base: string; token: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [ENTRY.api], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`${base}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (proc.exitCode !== null) throw new Error('the API exited during start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'duban-admin' }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  return { proc, base, token };
}

/** One multipart upload streamed from the generator; resolves with the answer and the SHA-256 sent. */
function upload(base: string, token: string, bytes: number, seed: number): Promise<{ status: number; sent: string; body: { size?: number; sha256?: string } }> {
  const boundary = `----duban${seed}${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="进展报告-${seed}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const hash = createHash('sha256');
  return new Promise((resolve, reject) => {
    const req = request(`${base}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + bytes + tail.length },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, sent: hash.digest('hex'), body: JSON.parse(text || '{}') }));
    });
    req.on('error', reject);
    req.write(head);
    const file = fileStream(bytes, seed);
    file.on('data', (c: Buffer) => {
      hash.update(c);
      if (!req.write(c)) file.pause();
    });
    req.on('drain', () => file.resume());
    file.on('end', () => req.end(tail));
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(label: string, env: Record<string, string>, diskDir: string) {
  const api = await startApi(env);
  const pid = api.proc.pid!;
  try {
    // Warm up (JIT, pools), then take the idle memory.
    await upload(api.base, api.token, 2 * MB, 999);
    const idle = memory(pid).rss;
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, memory(pid).rss)), 25);
    const ratios: number[] = [];
    const rates: number[] = [];
    const diskRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const disk = await timed(() =>
        Promise.all(Array.from({ length: FILES }, (_, i) => pipeline(fileStream(FILE_MB * MB, i), createWriteStream(join(diskDir, `f${i}`))))),
      );
      const up = await timed(() => Promise.all(Array.from({ length: FILES }, (_, i) => upload(api.base, api.token, FILE_MB * MB, round * 100 + i))));
      for (const r of up.value) {
        if (r.status !== 201 || r.body.size !== FILE_MB * MB || r.body.sha256 !== r.sent) throw new Error(`an upload failed: ${r.status} ${JSON.stringify(r.body)}`);
      }
      const total = (FILES * FILE_MB) / 1;
      diskRates.push(total / (disk.ms / 1000));
      rates.push(total / (up.ms / 1000));
      ratios.push(disk.ms / up.ms);
    }
    const concurrentPeak = peak;
    peak = memory(pid).rss;
    const big = await upload(api.base, api.token, BIG_MB * MB, 4242);
    if (big.status !== 201 || big.body.sha256 !== big.sent) throw new Error(`the ${BIG_MB} MB upload failed: ${big.status}`);
    clearInterval(sampler);
    const bigPeak = peak;
    console.log(
      `${label.padEnd(8)} ${median(diskRates).toFixed(0).padStart(9)} ${median(rates).toFixed(0).padStart(11)} ${median(ratios).toFixed(2).padStart(6)}x` +
        ` ${idle.toFixed(0).padStart(9)} ${concurrentPeak.toFixed(0).padStart(13)} ${(concurrentPeak - idle).toFixed(0).padStart(8)}` +
        ` ${bigPeak.toFixed(0).padStart(15)} ${memory(pid).hwm.toFixed(0).padStart(8)}`,
    );
  } finally {
    api.proc.kill('SIGTERM');
    await new Promise((r) => api.proc.once('exit', r));
  }
}

async function main() {
  buildIfStale();
  const work = mkdtempSync(join(tmpdir(), 'duban-bench-uploads-'));
  const schemas: string[] = [];
  const pg = new Client({ connectionString: BENCH_DATABASE_URL });
  await pg.connect();
  const freshEnv = async (name: string) => {
    const schema = `bench_up_${name}_${randomBytes(3).toString('hex')}`;
    await pg.query(`CREATE SCHEMA ${schema}`);
    schemas.push(schema);
    return { DATABASE_URL: BENCH_DATABASE_URL, DATABASE_SCHEMA: schema, QUEUE_PREFIX: `b${schema}`, DATA_DIR: join(work, name), UPLOAD_MAX_MB: String(BIG_MB) };
  };
  const s3 = new S3rver({ port: 0, address: '127.0.0.1', directory: join(work, 's3rver'), silent: true, configureBuckets: [{ name: 'bench', configs: [] }] });
  try {
    console.log(`${FILES} concurrent uploads of ${FILE_MB} MB (${FILES * FILE_MB} MB), ${ROUNDS} rounds (medians), then one ${BIG_MB} MB upload; MB = MiB`);
    console.log('store     disk MB/s upload MB/s  ratio  idle RSS  peak RSS (20)    +idle  peak RSS (100MB)  VmHWM');
    await measure('local', await freshEnv('local'), work);
    const { port } = await s3.run();
    await measure('s3rver', {
      ...(await freshEnv('s3')),
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'bench',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    }, work);
  } finally {
    await s3.close().catch(() => undefined);
    for (const s of schemas) await pg.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await pg.end();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
