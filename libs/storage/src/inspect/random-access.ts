import type { Readable } from 'node:stream';
import type { FileStore } from '../file-store';

/** Reads parts of one stored object: what opening a zip's or an OLE file's directory needs. */
export class StoredObjectReader {
  constructor(
    readonly store: FileStore,
    readonly key: string,
    readonly size: number,
  ) {}

  /** Bytes start (inclusive) to end (exclusive) as a stream. */
  stream(start: number, end: number): Promise<Readable> {
    return this.store.get(this.key, { start, end: end - 1 });
  }

  /** A small range read whole (directory sectors, headers); never more than `length` bytes. */
  async read(start: number, length: number): Promise<Buffer> {
    const end = Math.min(this.size, start + length);
    if (end <= start) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    for await (const c of await this.stream(start, end)) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }
}
