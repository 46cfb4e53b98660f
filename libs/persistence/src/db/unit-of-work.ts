import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsServiceManager } from 'nestjs-cls';
import { DataSource, EntityManager, EntitySubscriberInterface } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { Sql } from './sql';

/** Statement names by text: hashing a report's text (~5 KB) once, not per request. */
const NAMES = new Map<string, string>();

function statementName(text: string): string {
  let name = NAMES.get(text);
  if (name === undefined) {
    if (NAMES.size >= 2000) NAMES.clear();
    name = `duban_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
    NAMES.set(text, name);
  }
  return name;
}

/** Whether the data source's connections take named statements (not the embedded PGlite: see dataSourceOptions). */
function namesStatements(ds: DataSource): boolean {
  return (ds.options as { extra?: { namedStatements?: boolean } }).extra?.namedStatements === true;
}

/** Set while a block runs on one chosen connection (a replica's, for a consistent report). */
const PINNED = Symbol('duban.pinned-manager');

/**
 * What repositories talk through: the entity manager of the transaction open in this call chain,
 * else the pool's. The open transaction is found through nestjs-cls (AsyncLocalStorage), so no
 * EntityManager is passed from a service to its repositories.
 */
@Injectable()
export class Db {
  // The class itself, not an alias: Nest reads the constructor's parameter types at run time.
  constructor(private readonly host: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** A Db over a DataSource opened outside Nest (benchmarks, unit tests that isolate a repository). */
  static standalone(ds: DataSource): Db {
    const adapter = new TransactionalAdapterTypeOrm({ dataSourceToken: DataSource });
    return new Db(
      new TransactionHost<TransactionalAdapterTypeOrm>({
        ...adapter.optionsFactory(ds),
        connectionName: undefined,
        enableTransactionProxy: false,
        defaultTxOptions: {},
        extraProviderTokens: [],
      }),
    );
  }

  get manager(): EntityManager {
    if (this.host.isTransactionActive()) return this.host.tx;
    const cls = ClsServiceManager.getClsService();
    return (cls.isActive() ? (cls.get(PINNED) as EntityManager | undefined) : undefined) ?? this.host.tx;
  }

  /** Runs a query built with the `sql` tag on the current manager. */
  query<T = Record<string, unknown>>(q: Sql): Promise<T[]> {
    const { text, values } = q.compile();
    return this.manager.query(text, values);
  }

  /**
   * Like `query`, as a named prepared statement where the database allows it: for the reports, whose
   * few statement texts come back on every request. PostgreSQL then parses each once per connection
   * and may keep its plan, where an unnamed statement is parsed and planned every time (at 100k items
   * that was a third of a report's PostgreSQL time; bench/reports/prepared.bench.ts). The name is the
   * text's hash, so a text never meets another under its name on a connection.
   */
  queryPrepared<T = Record<string, unknown>>(q: Sql): Promise<T[]> {
    const { text, values } = q.compile();
    if (!namesStatements(this.host.tx.connection)) return this.manager.query(text, values);
    // pg takes a query config where TypeORM passes the text through (PostgresQueryRunner.query).
    return this.manager.query({ name: statementName(text), text } as unknown as string, values);
  }

  /** Runs `work` with every repository on `manager` (unless it opens a transaction of its own). */
  onManager<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    const cls = ClsServiceManager.getClsService();
    return cls.run({ ifNested: 'inherit' }, () => {
      cls.set(PINNED, manager);
      return work();
    });
  }

  /**
   * Runs `work` on one connection of a read replica (the primary when none is configured), so
   * several reads see one server's state; the connection is returned afterwards.
   */
  async onReplica<T>(work: () => Promise<T>): Promise<T> {
    const qr = this.host.tx.connection.createQueryRunner('slave');
    try {
      return await this.onManager(qr.manager, work);
    } finally {
      await qr.release();
    }
  }

  /** Calls `listener` after every commit of this database (the commit's call chain still names its transaction). */
  afterCommit(listener: () => void): void {
    const subscriber: EntitySubscriberInterface = { afterTransactionCommit: () => listener() };
    this.host.tx.connection.subscribers.push(subscriber);
  }

  /**
   * Runs `work` outside any open transaction, on the pool: for work started by a commit hook,
   * whose call chain still names the finished transaction.
   */
  outsideTransaction<T>(work: () => Promise<T>): Promise<T> {
    return this.host.withoutTransaction(work);
  }

  /** See UnitOfWork.run. */
  transaction<T>(work: () => Promise<T>, opts: { isolation?: IsolationLevel } = {}): Promise<T> {
    return opts.isolation
      ? this.host.withTransaction({ isolationLevel: opts.isolation }, work)
      : this.host.withTransaction(work);
  }
}

/**
 * The one way a use case makes several changes atomic: `uow.run(() => …)`. Every repository call
 * inside sees the same transaction; a run inside a run joins the outer one, so use cases compose
 * (an idempotent request wraps the command it replays in the same transaction).
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly db: Db) {}

  run<T>(work: () => Promise<T>, opts: { isolation?: IsolationLevel } = {}): Promise<T> {
    return this.db.transaction(work, opts);
  }
}
