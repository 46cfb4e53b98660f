import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { exitOnStartupError, loadEnv } from '@app/config';
import { stopEmbeddedDatabase } from '@app/persistence';
import { preflightRedis } from '@app/queue';
import { WorkerModule } from './worker.module';

async function main() {
  const env = loadEnv();
  await preflightRedis(env.REDIS_URL, { requireNoEviction: true });
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  await app.init();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`duban worker: ${signal} received, finishing jobs in flight\n`);
    await app.close(); // BullMQ workers wait for their active jobs before closing
    await stopEmbeddedDatabase();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => exitOnStartupError('worker', err));
