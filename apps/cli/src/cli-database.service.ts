import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Env } from '@app/config';
import { Journal, openDataSource, resolveDatabaseUrl, stopEmbeddedDatabase } from '@app/persistence';

/**
 * The CLI opens the database only for commands that need it, so `import --dry-run` works
 * without any database and prints nothing but its result.
 */
@Injectable()
export class CliDatabase implements OnApplicationShutdown {
  private ds?: Promise<DataSource>;

  constructor(private readonly env: Env) {}

  get(): Promise<DataSource> {
    Journal.configure({ acknowledgementDueWorkdays: this.env.ACK_WORKDAYS, endOfDay: this.env.DUE_TIME });
    this.ds ??= resolveDatabaseUrl(this.env).then((db) =>
      openDataSource({ url: db.url, poolSize: db.embedded ? 4 : 5, schema: this.env.DATABASE_SCHEMA }),
    );
    return this.ds;
  }

  async close(): Promise<void> {
    if (this.ds) {
      const ds = await this.ds.catch(() => null);
      this.ds = undefined;
      if (ds?.isInitialized) await ds.destroy();
    }
    await stopEmbeddedDatabase();
  }

  async onApplicationShutdown() {
    await this.close();
  }
}
