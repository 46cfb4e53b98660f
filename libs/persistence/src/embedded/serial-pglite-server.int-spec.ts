import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { runApp, Running } from '../../../../test/support/processes';
import { ReadyForQueryScanner } from './serial-pglite-server';

/** The embedded database in its own process, as the launcher runs it. */
async function serveEmbedded(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const proc: Running = runApp(join(__dirname, '../../../../test/support/serve-embedded.js'), {}, [dataDir]);
  const url = await new Promise<string>((resolve, reject) => {
    const poll = setInterval(() => {
      const line = proc.stdout().split('\n')[0];
      if (line.startsWith('postgres://')) {
        clearInterval(poll);
        resolve(line);
      }
    }, 50);
    void proc.exited.then(() => {
      clearInterval(poll);
      reject(new Error(`embedded database exited: ${proc.stderr()}`));
    });
  });
  return {
    url,
    async stop() {
      proc.proc.kill('SIGTERM');
      await proc.exited;
    },
  };
}

describe('embedded PostgreSQL: clients take turns on the one PGlite session', () => {
  let dir: string;
  let db: { url: string; stop(): Promise<void> };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-pglite-'));
    db = await serveEmbedded(dir);
    const c = new Client({ connectionString: db.url });
    await c.connect();
    await c.query('CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY, v text)');
    await c.end();
  }); // the suite's timeout: a PGlite boot takes seconds alone and a minute or more on a loaded machine
  afterAll(async () => {
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('another client never runs inside an open transaction, and sees its rows only after COMMIT', async () => {
    const a = new Client({ connectionString: db.url });
    const b = new Client({ connectionString: db.url });
    await a.connect();
    await b.connect();
    try {
      await a.query('BEGIN');
      await a.query('INSERT INTO t VALUES (1, $1)', ['a']);
      let bDone = false;
      const bRead = b.query('SELECT count(*)::int AS n FROM t WHERE id = 1').then((r) => {
        bDone = true;
        return r.rows[0].n as number;
      });
      // b waits for a's transaction: a can still read and write inside it.
      expect((await a.query('SELECT count(*)::int AS n FROM t WHERE id = 1')).rows[0].n).toBe(1);
      expect(bDone).toBe(false);
      await a.query('ROLLBACK');
      expect(await bRead).toBe(0);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('parameterised statements of many pooled clients never mix (no lost portals)', async () => {
    const pool = new Pool({ connectionString: db.url, max: 8 });
    try {
      const writes = Array.from({ length: 200 }, (_, i) =>
        pool.query('INSERT INTO t VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v RETURNING id, v', [100 + i, `v${i}`]),
      );
      const txs = Array.from({ length: 20 }, async (_, i) => {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          await c.query('UPDATE t SET v = $1 WHERE id = $2', [`tx${i}`, 100 + i]);
          const r = await c.query('SELECT v FROM t WHERE id = $1', [100 + i]);
          await c.query('COMMIT');
          return r.rows[0]?.v as string | undefined;
        } finally {
          c.release();
        }
      });
      const results = await Promise.all(writes);
      results.forEach((r, i) => expect(r.rows[0]).toEqual({ id: 100 + i, v: `v${i}` }));
      const inTx = await Promise.all(txs);
      inTx.forEach((v, i) => expect([`tx${i}`, undefined]).toContain(v));
    } finally {
      await pool.end();
    }
  });

  it('a client that dies inside a transaction leaves the session clean for the next', async () => {
    const a = new Client({ connectionString: db.url });
    a.on('error', () => undefined); // its connection is cut on purpose below
    const b = new Client({ connectionString: db.url });
    await a.connect();
    await b.connect();
    await a.query('BEGIN');
    await a.query('INSERT INTO t VALUES (2, $1)', ['lost']);
    const waiting = b.query('SELECT count(*)::int AS n FROM t WHERE id = 2');
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await a.end().catch(() => undefined);
    expect((await waiting).rows[0].n).toBe(0);
    await b.query('BEGIN');
    await b.query('COMMIT'); // no "already in a transaction" warning-turned-state from a's leftovers
    await b.end();
  });
});

describe('ReadyForQueryScanner', () => {
  const msg = (type: string, payload: number[]) => [type.charCodeAt(0), 0, 0, 0, 4 + payload.length, ...payload];

  it('reports the status of a trailing ReadyForQuery, even when it arrives split across chunks', () => {
    const bytes = Uint8Array.from([...msg('1', []), ...msg('C', [0x53, 0x45, 0x4c, 0]), ...msg('Z', ['T'.charCodeAt(0)])]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const s = new ReadyForQueryScanner();
      s.feed(bytes.subarray(0, cut));
      s.feed(bytes.subarray(cut));
      expect(s.endStatus).toBe('T');
    }
  });

  it('reports nothing when another message follows, or when the bytes only look like one inside a row', () => {
    const s = new ReadyForQueryScanner();
    s.feed(Uint8Array.from([...msg('Z', ['I'.charCodeAt(0)]), ...msg('2', [])]));
    expect(s.endStatus).toBeNull();
    const row = new ReadyForQueryScanner();
    row.feed(Uint8Array.from(msg('D', [0, 1, 0, 0, 0, 6, 0x5a, 0, 0, 0, 5, 0x49])));
    expect(row.endStatus).toBeNull();
  });
});
