import { hostname } from 'node:os';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { Env } from '@app/config';
import { WORKER_HEARTBEAT_KEY } from '@app/queue';
import { WORKER_REDIS } from './worker-redis';

const BEAT_MS = 10_000;
const TTL_S = 30;

/** The worker's health signal: a key with a TTL that GET /health/worker looks for. */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private timer?: NodeJS.Timeout;
  private readonly key: string;

  constructor(
    @Inject(WORKER_REDIS) private readonly redis: IORedis,
    env: Env,
  ) {
    this.key = `${env.QUEUE_PREFIX}:${WORKER_HEARTBEAT_KEY}:${hostname()}:${process.pid}`;
  }

  async onApplicationBootstrap() {
    await this.beat();
    this.timer = setInterval(() => void this.beat(), BEAT_MS);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.redis.del(this.key).catch(() => undefined);
  }

  private async beat() {
    try {
      await this.redis.set(this.key, new Date().toISOString(), 'EX', TTL_S);
    } catch (e) {
      this.logger.warn(`heartbeat failed: ${(e as Error).message}`);
    }
  }
}
