import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadEnv, runProcess } from '@app/config';
import { stopEmbeddedDatabase } from '@app/persistence';
import { preflightRedis } from '@app/queue';
import { WorkerModule } from './worker.module';

// Closing lets the BullMQ workers finish their active jobs before the connections close.
runProcess(
  'worker',
  async () => preflightRedis(loadEnv().REDIS_URL, { requireNoEviction: true }),
  async () => {
    const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
    app.useLogger(app.get(Logger));
    await app.init();
    return app;
  },
  stopEmbeddedDatabase,
);
