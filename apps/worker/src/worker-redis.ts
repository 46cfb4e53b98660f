import { Env } from '@app/config';
import { assertNoEviction, connectRedisOrFail } from '@app/queue';

export const WORKER_REDIS = Symbol('WORKER_REDIS');

/** The worker refuses to run on a Redis that may evict its keys. */
export const workerRedisProvider = {
  provide: WORKER_REDIS,
  inject: [Env],
  useFactory: async (env: Env) => {
    const redis = await connectRedisOrFail(env.REDIS_URL, true);
    try {
      await assertNoEviction(redis);
    } catch (e) {
      redis.disconnect();
      throw e;
    }
    return redis;
  },
};
