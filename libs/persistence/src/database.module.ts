import { DynamicModule, Global, Logger, Module, Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { Env } from '@app/config';
import { dataSourceOptions } from './data-source';
import { Db, UnitOfWork } from './db/unit-of-work';
import { startEmbeddedPostgres, EmbeddedPostgres } from './embedded-postgres';
import { REPOSITORIES } from './repositories';
import { PlannerSettings } from './repositories/reminder-planner';

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

/** Every repository, the journal, the unit of work and the settings they read. */
const PROVIDERS: Provider[] = [
  Db,
  UnitOfWork,
  ...REPOSITORIES,
  {
    provide: PlannerSettings,
    inject: [Env],
    useFactory: (env: Env): PlannerSettings => ({ acknowledgementDueWorkdays: env.ACK_WORKDAYS, endOfDay: env.DUE_TIME }),
  },
];

/** Transactions carried through the call chain (nestjs-cls) over the DataSource of this app. */
const transactions = () =>
  ClsModule.forRoot({
    global: true,
    plugins: [new ClsPluginTransactional({ adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: DataSource }) })],
  });

/** The providers over a DataSource opened elsewhere; see DatabaseModule.forDataSource. */
@Module({})
class OpenedDatabaseModule {}

/**
 * The database of an app: the TypeORM DataSource (migrations run at start) and, injectable
 * everywhere, the repositories and the unit of work.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Env],
      useFactory: async (env: Env) => {
        const db = await resolveDatabaseUrl(env);
        return {
          ...dataSourceOptions({
            url: db.url,
            poolSize: db.embedded ? 4 : 10,
            schema: env.DATABASE_SCHEMA,
            replicaUrls: env.DATABASE_REPLICA_URLS?.split(',').filter(Boolean),
            namedStatements: !db.embedded,
          }),
          // Fail fast with the cause instead of retrying for half a minute.
          retryAttempts: 0,
        };
      },
    }),
    transactions(),
  ],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class DatabaseModule {
  /** The same providers over a DataSource opened elsewhere (tests and benchmarks that seed a schema). */
  static forDataSource(ds: DataSource): DynamicModule {
    return {
      module: OpenedDatabaseModule,
      global: true,
      imports: [transactions()],
      providers: [{ provide: DataSource, useValue: ds }, ...PROVIDERS],
      exports: [DataSource, ...PROVIDERS],
    };
  }
}
