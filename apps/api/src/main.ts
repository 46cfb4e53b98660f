import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadEnv, runProcess } from '@app/config';
import { stopEmbeddedDatabase } from '@app/persistence';
import { preflightRedis } from '@app/queue';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

// Closing stops accepting connections, waits for requests in flight, then closes DB and Redis.
runProcess(
  'api',
  async () => {
    const env = loadEnv();
    await preflightRedis(env.REDIS_URL);
    return env;
  },
  async (env) => {
    const app = await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false });
    configureApp(app);
    await app.listen(env.PORT, '0.0.0.0');
    return app;
  },
  stopEmbeddedDatabase,
);
