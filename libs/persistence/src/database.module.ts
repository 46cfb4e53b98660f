import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Env } from '@app/config';
import { dataSourceOptions } from './data-source';
import { startEmbeddedPostgres, EmbeddedPostgres } from './embedded-postgres';
import { Journal } from './repositories/journal';

let embedded: EmbeddedPostgres | null = null;

/**
 * Stops the embedded database, if this process started one. Called by main() after app.close(),
 * because TypeORM closes its pool in the very last shutdown hook.
 */
export async function stopEmbeddedDatabase(): Promise<void> {
  const e = embedded;
  embedded = null;
  if (e) await e.stop();
}

/** The URL to use: DATABASE_URL, or an embedded PGlite started in this process. */
export async function resolveDatabaseUrl(env: Env): Promise<{ url: string; embedded: boolean }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false };
  if (!embedded) {
    embedded = await startEmbeddedPostgres(env.DATA_DIR);
    new Logger('Database').log(`embedded PostgreSQL (PGlite) in ${env.DATA_DIR}/pg at ${embedded.url}`);
  }
  return { url: embedded.url, embedded: true };
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Env],
      useFactory: async (env: Env) => {
        const db = await resolveDatabaseUrl(env);
        Journal.configure({ acknowledgementDueWorkdays: env.ACK_WORKDAYS, endOfDay: env.DUE_TIME });
        return {
          ...dataSourceOptions({
            url: db.url,
            poolSize: db.embedded ? 4 : 10,
            schema: env.DATABASE_SCHEMA,
            replicaUrls: env.DATABASE_REPLICA_URLS?.split(',').filter(Boolean),
          }),
          // Fail fast with the cause instead of retrying for half a minute.
          retryAttempts: 0,
        };
      },
    }),
  ],
})
export class DatabaseModule {}
