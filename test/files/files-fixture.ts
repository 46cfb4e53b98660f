import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Response, Test } from 'supertest';
import { startTestS3, TestS3 } from '../support/s3-server';
import { startWorkflowApp, WorkflowApp } from '../support/workflow-app';

export type StoreKind = 'local' | 's3';

/** The largest upload the files tests allow (UPLOAD_MAX_MB): big enough for an S3 multipart upload. */
export const MAX_MB = 8;

export interface FilesRig {
  w: WorkflowApp;
  store: StoreKind;
  dataDir: string;
  auth(user: string): { Authorization: string };
  upload(user: string, name: string, bytes: Buffer): Test;
  /** Downloads a file's bytes. */
  download(user: string, id: string, query?: string): Test;
  /** Every object in the store (keys relative to its root; the local store's .incoming/ included). */
  storedObjects(): Promise<string[]>;
  fileRows(): Promise<number>;
  close(): Promise<void>;
}

function walk(dir: string, root = dir): string[] {
  let out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    out = e.isDirectory() ? out.concat(walk(p, root)) : out.concat(relative(root, p));
  }
  return out.sort();
}

/** Supertest's parser for a binary body. */
const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The workflow app (directory, users, one plan) with files kept in a fresh directory or a fresh S3 server. */
export async function startFilesRig(store: StoreKind, env: Record<string, string> = {}): Promise<FilesRig> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-files-'));
  const s3: TestS3 | null = store === 's3' ? await startTestS3() : null;
  const noS3 = { S3_ENDPOINT: '', S3_BUCKET: '', S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '', S3_FORCE_PATH_STYLE: '' };
  const w = await startWorkflowApp({ DATA_DIR: dataDir, UPLOAD_MAX_MB: String(MAX_MB), ...noS3, ...(s3?.env ?? {}), ...env });
  const auth = (user: string) => ({ Authorization: `Bearer ${w.tokens[user]}` });
  return {
    w,
    store,
    dataDir,
    auth,
    upload: (user, name, bytes) => w.http.post('/files').set(auth(user)).attach('file', bytes, { filename: name }),
    download: (user, id, query = '') =>
      w.http.get(`/files/${id}/content${query}`).set(auth(user)).buffer(true).parse(binary),
    storedObjects: async () => (s3 ? s3.keys() : walk(join(dataDir, 'files'))),
    fileRows: async () => Number((await w.ds.query(`SELECT count(*)::int AS n FROM files`))[0].n),
    async close() {
      await w?.close();
      await s3?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The file name a Content-Disposition's RFC 5987 filename* parameter carries. */
export function dispositionName(header: string | undefined): string | null {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  return m ? decodeURIComponent(m[1]) : null;
}
