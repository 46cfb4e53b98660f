import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitOnStartupError, loadEnv } from '@app/config';
import { stopEmbeddedDatabase } from '@app/persistence';
import { preflightRedis } from '@app/queue';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function main() {
  const env = loadEnv();
  await preflightRedis(env.REDIS_URL);
  const app = await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false });
  configureApp(app);
  await app.listen(env.PORT, '0.0.0.0');

  // Our own handler instead of enableShutdownHooks(): Nest re-raises the signal after closing,
  // which makes the exit code 143; an orderly stop should exit 0.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`duban api: ${signal} received, finishing requests\n`);
    await app.close(); // stops accepting, waits for in-flight requests, then closes DB and Redis
    await stopEmbeddedDatabase();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => exitOnStartupError('api', err));
