import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { TEST_DATABASE_URL } from '../support/database';
import { ENTRY, freePort, runApp } from '../support/processes';

/** Waits until the Redis just started answers PING (it takes a moment to bind). */
async function redisAnswers(port: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const pong = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => s.write('PING\r\n'));
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      s.once('error', () => resolve(false));
    });
    if (pong) return;
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('worker against a Redis that may evict keys', () => {
  it('refuses to start and says why in one line', async () => {
    const port = await freePort();
    const redis = spawn('redis-server', [
      '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
      '--maxmemory-policy', 'allkeys-lru', '--dir', mkdtempSync(join(tmpdir(), 'duban-redis-')),
    ]);
    try {
      await redisAnswers(port);
      const worker = runApp(ENTRY.worker, { REDIS_URL: `redis://127.0.0.1:${port}`, DATABASE_URL: TEST_DATABASE_URL });
      expect((await worker.exited).code).toBe(1);
      expect(worker.stderr()).toMatch(/maxmemory-policy is "allkeys-lru"; Duban needs "noeviction"/);
    } finally {
      redis.kill('SIGTERM');
    }
  });
});
