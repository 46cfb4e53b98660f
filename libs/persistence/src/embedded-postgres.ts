import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SerialPgliteServer } from './embedded/serial-pglite-server';

/**
 * The quick-start database: PGlite (PostgreSQL compiled to WASM) served on loopback so that the
 * ordinary `pg` driver, TypeORM and our migrations talk to it exactly as to a PostgreSQL server.
 * Clients take turns on PGlite's one session (see SerialPgliteServer).
 * One PGlite per data directory: whoever starts it (the launcher, or a lone API) shares its URL.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
  // Imported lazily: a deployment with DATABASE_URL never loads the WASM build.
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = resolve(dataDir, 'pg');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const server = new SerialPgliteServer(db);
  const url = `postgres://postgres@${await server.listen('127.0.0.1', port)}/postgres`;
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      await db.close();
    },
  };
}
