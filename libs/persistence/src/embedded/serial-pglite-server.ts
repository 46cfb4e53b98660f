import { createServer, Server, Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite has a single PostgreSQL session. @electric-sql/pglite-socket queues clients message by message,
 * so one client's Parse/Bind/Execute could run between another's (the unnamed portal vanished: "portal
 * "" does not exist", 500s, 401s for valid tokens), and statements could land in another client's
 * transaction. This server lends the session to one connection at a time, from its first message until
 * PGlite answers ReadyForQuery with status idle ('I'): a whole simple query, a whole extended-protocol
 * cycle up to Sync, or a whole transaction. Other connections wait their turn, first come first served.
 */
export class SerialPgliteServer {
  private server: Server | null = null;
  private readonly lease = new SessionLease();
  private readonly sockets = new Set<Socket>();
  private nextId = 1;

  constructor(private readonly db: PGlite) {}

  async listen(host: string, port: number): Promise<string> {
    const server = createServer((socket) => this.serve(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const addr = server.address();
    if (!addr || typeof addr !== 'object') throw new Error('embedded database: no listening address');
    return `${host}:${addr.port}`;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    const id = this.nextId++;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const reader = new FrontendReader();
    // Messages of one connection run strictly in order, each after the previous one answered.
    let chain = Promise.resolve();
    let closed = false;
    socket.on('data', (chunk) => {
      for (const message of reader.push(chunk)) {
        chain = chain
          .then(() => (closed ? undefined : this.handle(id, socket, message)))
          .catch(() => void socket.destroy());
      }
    });
    const finish = () => {
      if (closed) return;
      closed = true;
      this.sockets.delete(socket);
      chain = chain.then(() => this.abandon(id)).catch(() => undefined);
    };
    socket.on('close', finish);
    socket.on('error', finish);
  }

  private async handle(id: number, socket: Socket, message: Frontend): Promise<void> {
    switch (message.kind) {
      case 'ssl-request':
      case 'gss-request':
        socket.write('N'); // no encryption on loopback
        return;
      case 'cancel':
        socket.destroy(); // cancelling is not supported; the client only loses its side channel
        return;
      case 'terminate':
        socket.end();
        return;
      case 'message': {
        await this.lease.acquire(id);
        const scanner = new ReadyForQueryScanner();
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(message.bytes, {
              onRawData: (data: Uint8Array) => {
                scanner.feed(data);
                if (socket.writable) socket.write(data);
              },
            }),
          );
        } catch (err) {
          await this.abandon(id);
          throw err;
        }
        if (scanner.endStatus === 'I') this.lease.release(id);
      }
    }
  }

  /** A connection went away (or failed) while it may hold the session: leave the session clean for the next. */
  private async abandon(id: number): Promise<void> {
    if (!this.lease.heldBy(id)) return this.lease.forget(id);
    try {
      await this.db.runExclusive(async () => {
        // Sync ends an extended-protocol cycle that errored or never finished; then end any transaction.
        // (Raw protocol only: PGlite's exec() would wait for the lock this callback holds.)
        await this.db.execProtocolRaw(SYNC);
        if (this.db.isInTransaction()) await this.db.execProtocolRaw(simpleQuery('ROLLBACK'));
      });
    } finally {
      this.lease.release(id);
    }
  }
}

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const out = Buffer.alloc(5 + text.length);
  out.write('Q', 0, 'latin1');
  out.writeInt32BE(4 + text.length, 1);
  text.copy(out, 5);
  return out;
}

/** Who holds PGlite's one session, and who waits for it (FIFO). */
class SessionLease {
  private holder: number | null = null;
  private readonly waiting: { id: number; grant: () => void }[] = [];

  heldBy(id: number): boolean {
    return this.holder === id;
  }

  acquire(id: number): Promise<void> {
    if (this.holder === null || this.holder === id) {
      this.holder = id;
      return Promise.resolve();
    }
    return new Promise((grant) => this.waiting.push({ id, grant }));
  }

  release(id: number): void {
    if (this.holder !== id) return;
    const next = this.waiting.shift();
    this.holder = next?.id ?? null;
    next?.grant();
  }

  /** Drops a connection that never got the session from the queue. */
  forget(id: number): void {
    const i = this.waiting.findIndex((w) => w.id === id);
    if (i >= 0) this.waiting.splice(i, 1);
  }
}

type Frontend =
  | { kind: 'ssl-request' | 'gss-request' | 'cancel' | 'terminate' }
  | { kind: 'message'; bytes: Uint8Array };

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const GSSENC_REQUEST = 80877104;

/** Splits a client's byte stream into PostgreSQL frontend messages (the first ones have no type byte). */
class FrontendReader {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;

  push(chunk: Buffer): Frontend[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const out: Frontend[] = [];
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) break;
        const len = this.buffer.readInt32BE(0);
        if (this.buffer.length < len) break;
        const code = this.buffer.readInt32BE(4);
        const bytes = this.take(len);
        if (code === SSL_REQUEST) out.push({ kind: 'ssl-request' });
        else if (code === GSSENC_REQUEST) out.push({ kind: 'gss-request' });
        else if (code === CANCEL_REQUEST) out.push({ kind: 'cancel' });
        else {
          this.started = true; // the startup message itself goes to PGlite
          out.push({ kind: 'message', bytes });
        }
        continue;
      }
      if (this.buffer.length < 5) break;
      const len = 1 + this.buffer.readInt32BE(1);
      if (this.buffer.length < len) break;
      const type = this.buffer[0];
      const bytes = this.take(len);
      out.push(type === 0x58 /* X */ ? { kind: 'terminate' } : { kind: 'message', bytes });
    }
    return out;
  }

  private take(len: number): Uint8Array {
    const bytes = new Uint8Array(this.buffer.subarray(0, len));
    this.buffer = this.buffer.subarray(len);
    return bytes;
  }
}

/**
 * Walks PGlite's answer message by message (it may arrive in chunks) and remembers whether the last
 * message was ReadyForQuery, and with which transaction status: 'I' idle, 'T' in a transaction, 'E' failed.
 */
export class ReadyForQueryScanner {
  endStatus: 'I' | 'T' | 'E' | null = null;
  private header: number[] = [];
  private remaining = 0;
  private type = 0;

  feed(data: Uint8Array): void {
    let i = 0;
    while (i < data.length) {
      if (this.remaining === 0) {
        this.header.push(data[i++]);
        if (this.header.length < 5) continue;
        this.type = this.header[0];
        this.remaining = ((this.header[1] << 24) | (this.header[2] << 16) | (this.header[3] << 8) | this.header[4]) - 4;
        this.header = [];
        this.endStatus = null;
        continue;
      }
      const take = Math.min(this.remaining, data.length - i);
      if (this.type === 0x5a /* Z */ && this.remaining === 1) {
        this.endStatus = String.fromCharCode(data[i]) as 'I' | 'T' | 'E';
      }
      i += take;
      this.remaining -= take;
    }
  }
}
