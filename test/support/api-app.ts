import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { createTestSchema, TEST_DATABASE_URL } from './database';

export interface TestApi {
  app: INestApplication;
  ds: DataSource;
  http: ReturnType<typeof request>;
  schema: string;
  /** Logs in and returns the access token. */
  login(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real AppModule, configured as main() configures it, listening on a free port, on a fresh
 * PostgreSQL schema and its own queue prefix. Settings are read from process.env at compile time.
 */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const schema = await createTestSchema();
  // Stored files (evidence, kept import documents) go to a directory of this app, removed on close.
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-api-'));
  const settings: Record<string, string> = {
    DATA_DIR: dataDir,
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: schema.schema,
    QUEUE_PREFIX: `t${schema.schema}`,
    LOG_LEVEL: 'error', // expected 4xx/503 warnings would drown the test output
    ...env,
  };
  // Put back on close what was there before, so one app's settings never reach the next app of the file.
  const before = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
  Object.assign(process.env, settings);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const http = request(app.getHttpServer());
  return {
    app,
    ds: app.get(DataSource),
    http,
    schema: schema.schema,
    async login(username, password) {
      const res = await http.post('/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      await schema.drop();
      rmSync(dataDir, { recursive: true, force: true });
      for (const [k, v] of Object.entries(before)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
}
