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
  /**
   * Whether the reports may run as named prepared statements (Db.queryPrepared); default yes. Not on
   * the embedded PGlite, which serves every pool connection from one session: a second connection
   * preparing a name the first prepared would fail.
   */
  namedStatements?: boolean;
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
      // JIT off: PostgreSQL compiles a statement to machine code once its cost estimate passes
      // jit_above_cost, which the reports' estimates do at 1M items while their work stays small: with JIT
      // the units report took 78 ms and the appraisal 204 ms, without 27 and 131, and nothing got slower
      // (bench/reports/jit.bench.ts; at 100k the estimates stay under the threshold and nothing changes).
      options: [...(opts.schema ? [`-c search_path=${opts.schema}`] : []), '-c jit=off'].join(' '),
      // Read by Db.queryPrepared; pg's pool and clients ignore keys they do not know.
      namedStatements: opts.namedStatements ?? true,
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
