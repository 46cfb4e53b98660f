import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Env } from '@app/config';
import { Db, ReportRepository } from '@app/persistence';

/** Entries kept (oldest dropped first), and the largest result kept (exports of many rows are not). */
const MAX_ENTRIES = 200;
const MAX_ROWS = 2_000;

interface Entry {
  stamp: string;
  at: number;
  value: unknown;
}

/**
 * A short-lived cache of computed reports, so that a dashboard polled by many people does not
 * aggregate 100k items per request. A result is served again only while it is exactly what the
 * database would return:
 * - the database's snapshot (`pg_current_snapshot()`: xmin, xmax and in-progress ids) is the
 *   same as when it was computed, i.e. no transaction that wrote anything has committed or
 *   aborted since, so every write shows up in the very next request;
 * - it is less than REPORT_CACHE_SECONDS old, since figures also move with the clock (an item
 *   turns overdue at its deadline): the clock-driven changes show up within that time;
 * - the key holds the caller's scope (visibility, filters, paging) and the Shanghai day, so
 *   callers who see different items never share an entry.
 * The report and the snapshots around it run on one connection (a replica's, if configured), and
 * a result is stored only when the snapshot did not move while it was computed. Concurrent
 * requests for the same report wait for one computation.
 */
@Injectable()
export class ReportCache implements OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<unknown>>();
  /** REPORT_CACHE_SECONDS; 0 turns the cache off (bench/reports measures the SQL alone that way). */
  seconds: number;

  constructor(
    private readonly db: Db,
    private readonly reports: ReportRepository,
    env: Env,
  ) {
    this.seconds = env.REPORT_CACHE_SECONDS;
  }

  onModuleDestroy(): void {
    this.entries.clear();
  }

  async get<T>(name: string, key: unknown, compute: (repo: ReportRepository) => Promise<T>): Promise<T> {
    if (!(this.seconds > 0)) return compute(this.reports);
    const k = `${name}:${JSON.stringify(key)}`;
    const hit = this.entries.get(k);
    if (hit && Date.now() - hit.at < this.seconds * 1000) {
      if (hit.stamp === (await this.reports.snapshot())) return hit.value as T;
    }
    const pending = this.running.get(k);
    if (pending) return pending as Promise<T>;
    const run = this.compute(k, compute).finally(() => this.running.delete(k));
    this.running.set(k, run);
    return run;
  }

  private async compute<T>(k: string, compute: (repo: ReportRepository) => Promise<T>): Promise<T> {
    const { before, value, after } = await this.db.onReplica(async () => {
      const before = await this.reports.snapshot();
      const value = await compute(this.reports);
      return { before, value, after: await this.reports.snapshot() };
    });
    if (before === after && rows(value) <= MAX_ROWS) {
      this.entries.delete(k);
      this.entries.set(k, { stamp: before, at: Date.now(), value });
      while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    } else {
      this.entries.delete(k);
    }
    return value;
  }
}

function rows(v: unknown): number {
  const items = (v as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? items.length : 1;
}
