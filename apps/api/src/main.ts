import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { exitCleanlyOnSignals, exitOnStartupError, loadEnv } from '@app/config';
import { stopEmbeddedDatabase } from '@app/persistence';
import { preflightRedis } from '@app/queue';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

let started: Promise<INestApplication> | undefined;

// Closing stops accepting connections, waits for requests in flight, then closes DB and Redis.
exitCleanlyOnSignals('api', async () => {
  const app = await started?.catch(() => undefined);
  await app?.close();
  await stopEmbeddedDatabase();
});

async function main() {
  const env = loadEnv();
  await preflightRedis(env.REDIS_URL);
  started = (async () => {
    const app = await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false });
    configureApp(app);
    await app.listen(env.PORT, '0.0.0.0');
    return app;
  })();
  await started;
}

main().catch((err) => exitOnStartupError('api', err));
