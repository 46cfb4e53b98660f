import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The quick-start database: PGlite (PostgreSQL compiled to WASM) served on loopback so that the
 * ordinary `pg` driver, TypeORM and our migrations talk to it exactly as to a PostgreSQL server.
 * One PGlite per data directory: whoever starts it (the launcher, or a lone API) shares its URL.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** The socket multiplexes clients onto PGlite's single session; keep it above the pool sizes. */
const MAX_CONNECTIONS = 32;

export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
  // Imported lazily: a deployment with DATABASE_URL never loads the WASM build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const dir = resolve(dataDir, 'pg');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: MAX_CONNECTIONS });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
