import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { FileRepository } from '@app/persistence';
import { FileStore } from '@app/storage';

const DAY_MS = 24 * 60 * 60 * 1000;
const EVERY_MS = 60 * 60 * 1000;
const BATCH = 200;

/**
 * Removes, every hour, files that nothing holds a day after their upload (never attached, or an
 * import never committed), with their bytes, and what interrupted writes left in the store. Rows go
 * first, in their own commit: a crash before the bytes are deleted leaves only unreferenced bytes,
 * never a row without them. Several API processes may sweep at once (SKIP LOCKED).
 */
@Injectable()
export class FileJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(FileJanitor.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly files: FileRepository,
    private readonly store: FileStore,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.sweep()
      .catch((e) => this.log.error(`file clean-up failed: ${(e as Error).message}`))
      .finally(() => (this.running = null));
  }

  /** One sweep as of `now`; returns how many files and partial writes it removed. */
  async sweep(now = new Date()): Promise<{ files: number; partial: number }> {
    const before = new Date(now.getTime() - DAY_MS);
    let files = 0;
    for (;;) {
      const keys = await this.files.removeLoose(before, BATCH);
      for (const k of keys) await this.store.delete(k);
      files += keys.length;
      if (keys.length < BATCH) break;
    }
    const partial = await this.store.sweepPartial(before).catch((e) => {
      this.log.warn(`could not sweep partial writes in ${this.store.description}: ${(e as Error).message}`);
      return 0;
    });
    if (files || partial) this.log.log(`removed ${files} unattached files and ${partial} partial writes`);
    return { files, partial };
  }
}
