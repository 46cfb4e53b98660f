import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { exitCleanlyOnSignals, exitOnStartupError, loadEnv } from '@app/config';
import { stopEmbeddedDatabase } from '@app/persistence';
import { preflightRedis } from '@app/queue';
import { WorkerModule } from './worker.module';

let started: Promise<INestApplicationContext> | undefined;

// A signal while starting waits for the start to finish, then closes: BullMQ workers finish their
// active jobs before the connections close.
exitCleanlyOnSignals('worker', async () => {
  const app = await started?.catch(() => undefined);
  await app?.close();
  await stopEmbeddedDatabase();
});

async function main() {
  const env = loadEnv();
  await preflightRedis(env.REDIS_URL, { requireNoEviction: true });
  started = (async () => {
    const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
    app.useLogger(app.get(Logger));
    await app.init();
    return app;
  })();
  await started;
}

main().catch((err) => exitOnStartupError('worker', err));
