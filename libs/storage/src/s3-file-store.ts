import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { ByteRange, FileStore, StoredFileMissingError } from './file-store';

export interface S3Settings {
  /** Unset: AWS itself. MinIO, 阿里云 OSS, 腾讯云 COS: their endpoint URL. */
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (http://host/bucket/key), which MinIO and most self-hosted servers need. */
  forcePathStyle: boolean;
}

/** S3 needs parts of at least 5 MiB; two in flight bound an upload's memory at about 10 MiB whatever its size. */
const PART_SIZE = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

const isNotFound = (e: unknown): boolean => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === 'NoSuchKey' || err?.name === 'NotFound' || err?.$metadata?.httpStatusCode === 404;
};

/** Any S3-compatible bucket through @aws-sdk/client-s3; streams go up as multipart uploads. */
export class S3FileStore extends FileStore {
  readonly description: string;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(s: S3Settings) {
    super();
    this.bucket = s.bucket;
    this.description = `S3 bucket ${s.bucket}${s.endpoint ? ` at ${s.endpoint}` : ''}`;
    this.client = new S3Client({
      endpoint: s.endpoint,
      region: s.region,
      forcePathStyle: s.forcePathStyle,
      credentials: s.accessKeyId && s.secretAccessKey ? { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } : undefined,
      // The SDK's default CRC checksums (and aws-chunked uploads) are not understood by every
      // S3-compatible store (OSS, COS, older MinIO): send checksums only where S3 requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, body: Readable): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body },
      partSize: PART_SIZE,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    });
    // A failing source must fail the upload (lib-storage then aborts the multipart upload).
    const failed = new Promise<never>((_, reject) => body.once('error', reject));
    failed.catch(() => undefined);
    try {
      await Promise.race([upload.done(), failed]);
    } catch (e) {
      await upload.abort().catch(() => undefined);
      throw e;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      return out.Body as Readable;
    } catch (e) {
      if (isNotFound(e)) throw new StoredFileMissingError(key);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async sweepPartial(before: Date): Promise<number> {
    const out = await this.client.send(new ListMultipartUploadsCommand({ Bucket: this.bucket }));
    let removed = 0;
    for (const u of out.Uploads ?? []) {
      if (!u.Key || !u.UploadId || !u.Initiated || u.Initiated >= before) continue;
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: u.Key, UploadId: u.UploadId }));
      removed++;
    }
    return removed;
  }

  override async close(): Promise<void> {
    this.client.destroy();
  }
}
