import { createHash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';

/** Raised when an upload passes the size limit. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload exceeds ${maxBytes} bytes`);
  }
}

/**
 * Passes an upload through unchanged while counting it against the limit, hashing it (SHA-256) and
 * holding it back until its first bytes have been checked by `onHead`: a refused type stops before
 * the rest is read. Memory stays at one chunk plus the head, whatever the file's size.
 */
export class UploadMeter extends Transform {
  bytes = 0;
  private readonly hash = createHash('sha256');
  private held: Buffer[] = [];
  private heldBytes = 0;
  private headDone = false;
  private digest: string | null = null;
  head: Buffer = Buffer.alloc(0);

  constructor(
    private readonly opts: { maxBytes: number; headBytes: number; onHead: (head: Buffer) => Promise<void> },
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.opts.maxBytes) return cb(new FileTooLargeError(this.opts.maxBytes));
    this.hash.update(chunk);
    if (this.headDone) return cb(null, chunk);
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    if (this.heldBytes < this.opts.headBytes) return cb();
    this.release().then(() => cb(), cb);
  }

  override _flush(cb: TransformCallback): void {
    if (this.headDone) return cb();
    this.release().then(() => cb(), cb);
  }

  private async release(): Promise<void> {
    const all = Buffer.concat(this.held);
    this.head = all.subarray(0, this.opts.headBytes);
    await this.opts.onHead(this.head);
    this.headDone = true;
    this.held = [];
    this.push(all);
  }

  /** The hex SHA-256 of everything that passed (once the stream has ended). */
  get sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }
}
