import type { Readable } from 'node:stream';

/** Bytes `start` to `end`, both inclusive (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

/** Raised when a key has no bytes in the store. */
export class StoredFileMissingError extends Error {
  // Matched by name where libs/storage cannot be imported (libs/persistence backups).
  override readonly name = 'StoredFileMissingError';

  constructor(readonly key: string) {
    super(`stored file ${key} is missing`);
  }
}

/**
 * Where the bytes of files live: a directory under DATA_DIR, or an S3-compatible bucket. The
 * database holds the metadata; the store only knows keys. Objects never change once written.
 */
export abstract class FileStore {
  /** 'local' or 's3', and where (for logs and the README's backup advice). */
  abstract readonly description: string;

  /**
   * Streams `body` into `key`. The object appears only once the whole stream is in; when the stream
   * fails, nothing is left under `key`.
   */
  abstract put(key: string, body: Readable): Promise<void>;

  /** The object's bytes (or a range of them); StoredFileMissingError when there are none. */
  abstract get(key: string, range?: ByteRange): Promise<Readable>;

  /** Removes the object; a missing one is not an error. */
  abstract delete(key: string): Promise<void>;

  abstract exists(key: string): Promise<boolean>;

  /** Removes what interrupted writes left behind before `before` (temporary files, unfinished multipart uploads). */
  abstract sweepPartial(before: Date): Promise<number>;

  /** Releases connections (the S3 client's sockets). */
  async close(): Promise<void> {}
}
