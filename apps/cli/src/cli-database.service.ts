import { INestApplicationContext, Injectable, Module, OnApplicationShutdown, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApplicationModule } from '@app/application';
import { AppConfigModule } from '@app/config';
import { DatabaseModule, stopEmbeddedDatabase } from '@app/persistence';

/** What a command that touches the database gets: the same providers the API and the worker use. */
@Module({ imports: [AppConfigModule, DatabaseModule, ApplicationModule] })
class CliDataModule {}

/**
 * The CLI opens the database only for commands that need it, so `import --dry-run` works
 * without any database and prints nothing but its result.
 */
@Injectable()
export class CliDatabase implements OnApplicationShutdown {
  private context?: Promise<INestApplicationContext>;

  /** A provider of the database context (repositories, use cases); opens the database on first use. */
  async get<T>(type: Type<T>): Promise<T> {
    this.context ??= NestFactory.createApplicationContext(CliDataModule, { logger: false, abortOnError: false });
    return (await this.context).get(type);
  }

  /** The DataSource itself, for maintenance (migrations run as it opens; backup, restore). */
  dataSource(): Promise<DataSource> {
    return this.get(DataSource);
  }

  async close(): Promise<void> {
    if (this.context) {
      const ctx = await this.context.catch(() => null);
      this.context = undefined;
      await ctx?.close();
    }
    await stopEmbeddedDatabase();
  }

  async onApplicationShutdown() {
    await this.close();
  }
}
