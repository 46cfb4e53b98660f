import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseOptions {
  url: string;
  /** Embedded PGlite serializes everything through one session: a small pool is faster there. */
  poolSize?: number;
  /** PostgreSQL schema; tests give each suite its own. */
  schema?: string;
  /** Read replicas: TypeORM sends reads outside transactions there, everything else to `url`. */
  replicaUrls?: string[];
}

export function dataSourceOptions(opts: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    ...(opts.replicaUrls?.length
      ? { replication: { master: { url: opts.url }, slaves: opts.replicaUrls.map((url) => ({ url })) } }
      : { url: opts.url }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'all',
    synchronize: false,
    schema: opts.schema,
    extra: {
      max: opts.poolSize ?? 10,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    },
    logging: false,
  };
}

/** A DataSource outside Nest (CLI maintenance, benchmarks). Migrations run on initialize. */
export async function openDataSource(opts: DatabaseOptions): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(opts));
  await ds.initialize();
  return ds;
}

/** How many migrations the database has applied. */
export async function appliedMigrations(ds: DataSource): Promise<number> {
  const [r] = (await ds.query(`SELECT count(*)::int AS n FROM migrations`)) as { n: number }[];
  return r.n;
}
