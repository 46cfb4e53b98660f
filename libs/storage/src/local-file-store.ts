import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteRange, FileStore, StoredFileMissingError } from './file-store';

/** Files under one directory; a write goes to `.incoming/` first and is renamed into place when complete. */
export class LocalFileStore extends FileStore {
  readonly description: string;
  private readonly root: string;
  private readonly incoming: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
    this.incoming = join(this.root, '.incoming');
    this.description = `local directory ${this.root}`;
  }

  private path(key: string): string {
    const p = resolve(this.root, key);
    // Keys are made by Duban, but a key must never reach outside the store.
    if (!p.startsWith(this.root + sep) || p.startsWith(this.incoming + sep)) throw new Error(`invalid storage key ${key}`);
    return p;
  }

  async put(key: string, body: Readable): Promise<void> {
    const target = this.path(key);
    await mkdir(this.incoming, { recursive: true });
    const tmp = join(this.incoming, randomUUID());
    try {
      await pipeline(body, createWriteStream(tmp, { flags: 'wx' }));
      await mkdir(dirname(target), { recursive: true });
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const p = this.path(key);
    if (!(await this.exists(key))) throw new StoredFileMissingError(key);
    return createReadStream(p, range ? { start: range.start, end: range.end } : {});
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.path(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  }

  async sweepPartial(before: Date): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.incoming);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw e;
    }
    let removed = 0;
    for (const name of names) {
      const p = join(this.incoming, name);
      const s = await stat(p).catch(() => null);
      if (s && s.mtime < before) {
        await rm(p, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
