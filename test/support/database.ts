import { randomBytes } from 'node:crypto';
import { Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ApplicationModule } from '@app/application';
import { AppConfigModule } from '@app/config';
import { DatabaseModule, openDataSource } from '@app/persistence';

/** The local PostgreSQL server of the test machine (CI starts it). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema per suite, so suites never see each other's rows. */
export async function createTestSchema(): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(5).toString('hex')}`;
  const c = new Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
  return {
    schema,
    async drop() {
      const d = new Client({ connectionString: TEST_DATABASE_URL });
      await d.connect();
      await d.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await d.end();
    },
  };
}

/** A migrated data source in its own schema. */
export async function openTestDatabase(): Promise<{ ds: DataSource; schema: string; close(): Promise<void> }> {
  const s = await createTestSchema();
  const ds = await openDataSource({ url: TEST_DATABASE_URL, schema: s.schema, poolSize: 5 });
  return {
    ds,
    schema: s.schema,
    async close() {
      await ds.destroy();
      await s.drop();
    },
  };
}

/** A migrated schema with the apps' repositories and use cases over it (no HTTP, no queue). */
export async function openTestContext(): Promise<{ ds: DataSource; get<T>(type: Type<T>): T; close(): Promise<void> }> {
  const db = await openTestDatabase();
  const moduleRef = await Test.createTestingModule({ imports: [AppConfigModule, DatabaseModule.forDataSource(db.ds), ApplicationModule] }).compile();
  return {
    ds: db.ds,
    get: (type) => moduleRef.get(type),
    async close() {
      await moduleRef.close();
      await db.close();
    },
  };
}
