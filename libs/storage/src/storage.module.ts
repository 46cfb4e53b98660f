import { Global, Module, OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import { Env } from '@app/config';
import { FileStore } from './file-store';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';

/** The store the settings name: an S3-compatible bucket when S3_BUCKET is set, else DATA_DIR/files. */
export function fileStoreFor(env: Env): FileStore {
  if (env.S3_BUCKET) {
    return new S3FileStore({
      endpoint: env.S3_ENDPOINT,
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalFileStore(join(env.DATA_DIR, 'files'));
}

/** FileStore, injectable everywhere (API uploads, CLI backups). */
@Global()
@Module({
  providers: [{ provide: FileStore, inject: [Env], useFactory: fileStoreFor }],
  exports: [FileStore],
})
export class StorageModule implements OnModuleDestroy {
  constructor(private readonly store: FileStore) {}

  onModuleDestroy(): Promise<void> {
    return this.store.close();
  }
}
