import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { EntityManager } from 'typeorm';

/**
 * Where the bytes of the `files` rows live (the FileStore of libs/storage fits). Backups carry them
 * after the tables: a line {"f": key, "size", "sha256"} then the bytes as {"c": base64} lines.
 */
export interface FileBytes {
  get(key: string): Promise<Readable>;
  put(key: string, body: Readable): Promise<void>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Raw bytes per {"c": …} line: 1 MiB of base64, so a restore never holds more than that. */
const CHUNK = 768 * 1024;

export interface FileSectionHeader {
  f: string;
  size?: number;
  sha256?: string;
  /** The row's bytes were gone when the backup was made (a loose upload the clean-up had just removed). */
  missing?: true;
}

const isMissing = (e: unknown) => (e as Error)?.name === 'StoredFileMissingError';

/** The `files` rows of the snapshot `m` reads, if the table exists (older schemas have none). */
export async function fileRowsOf(m: EntityManager): Promise<{ key: string; size: number; sha256: string }[]> {
  const [{ present }] = await m.query(`SELECT to_regclass('files') IS NOT NULL AS present`);
  if (!present) return [];
  return m.query(`SELECT storage_key AS key, size::float8 AS size, sha256 FROM files ORDER BY uploaded_at, id`);
}

/** Writes each file's section; returns the keys whose bytes were missing. */
export async function writeFileSections(
  rows: { key: string; size: number; sha256: string }[],
  bytes: FileBytes,
  write: (line: string) => Promise<void>,
  progress: (s: string) => void,
): Promise<string[]> {
  const missing: string[] = [];
  for (const r of rows) {
    let body: Readable;
    try {
      body = await bytes.get(r.key);
    } catch (e) {
      if (!isMissing(e)) throw e;
      missing.push(r.key);
      await write(JSON.stringify({ f: r.key, missing: true } satisfies FileSectionHeader));
      continue;
    }
    await write(JSON.stringify({ f: r.key, size: r.size, sha256: r.sha256 } satisfies FileSectionHeader));
    let pending: Buffer = Buffer.alloc(0);
    for await (const c of body) {
      pending = pending.length ? Buffer.concat([pending, c as Buffer]) : (c as Buffer);
      while (pending.length >= CHUNK) {
        await write(JSON.stringify({ c: pending.subarray(0, CHUNK).toString('base64') }));
        pending = pending.subarray(CHUNK);
      }
    }
    if (pending.length) await write(JSON.stringify({ c: pending.toString('base64') }));
  }
  if (missing.length) progress(`files: ${missing.length} without bytes in the store (left out): ${missing.slice(0, 5).join(', ')}`);
  progress(`files: ${rows.length - missing.length} stored files`);
  return missing;
}

/**
 * Puts the files of a backup back into the store as its sections are read. Files the store already
 * has (the same key is the same immutable file) are not written again; on failure, undo() removes
 * what this restore wrote.
 */
export class FileRestorer {
  private current: { key: string; size: number; sha256: string; got: number; hash: ReturnType<typeof createHash>; sink: PassThrough | null; done: Promise<void> } | null =
    null;
  readonly written: string[] = [];
  readonly missing: string[] = [];
  readonly seen = new Set<string>();

  constructor(
    private readonly bytes: FileBytes,
    private readonly where: (detail: string) => Error,
  ) {}

  /** True while a section still expects chunk lines. */
  get open(): boolean {
    return this.current !== null;
  }

  async begin(h: FileSectionHeader): Promise<void> {
    if (this.current) throw this.where(`file ${this.current.key} is incomplete`);
    this.seen.add(h.f);
    if (h.missing) {
      this.missing.push(h.f);
      return;
    }
    const size = Number(h.size);
    const skip = await this.bytes.exists(h.f);
    const sink = skip ? null : new PassThrough();
    const done = sink ? this.bytes.put(h.f, sink) : Promise.resolve();
    done.catch(() => undefined);
    this.current = { key: h.f, size, sha256: String(h.sha256), got: 0, hash: createHash('sha256'), sink, done };
    if (sink) this.written.push(h.f);
    if (size === 0) await this.finish();
  }

  async chunk(base64: string): Promise<void> {
    const c = this.current;
    if (!c) throw this.where('file data outside a file section');
    const data = Buffer.from(base64, 'base64');
    c.got += data.length;
    if (c.got > c.size) throw this.where(`file ${c.key} has more bytes than its size ${c.size}`);
    c.hash.update(data);
    if (c.sink && !c.sink.write(data)) await Promise.race([once(c.sink, 'drain'), c.done]);
    if (c.got === c.size) await this.finish();
  }

  private async finish(): Promise<void> {
    const c = this.current!;
    this.current = null;
    const digest = c.hash.digest('hex');
    if (c.sink) {
      c.sink.end();
      await c.done;
    }
    if (digest !== c.sha256) throw this.where(`file ${c.key}: SHA-256 does not match (the backup is damaged)`);
  }

  /** Removes the files this restore wrote (after a failure). */
  async undo(): Promise<void> {
    this.current?.sink?.destroy(new Error('restore failed'));
    for (const k of this.written) await this.bytes.delete(k).catch(() => undefined);
  }
}
