import { Command, CommandRunner } from 'nest-commander';
import { Env } from '@app/config';
import { connectRedisOrFail, unlockLogin } from '@app/queue';

/** The admin's way back in: the lock-out is per (username, address), and this clears it everywhere. */
@Command({ name: 'unlock', arguments: '<username>', description: 'Clear the login lock-out of a username (every address), e.g. when the admin is locked out' })
export class UnlockCommand extends CommandRunner {
  constructor(private readonly env: Env) {
    super();
  }

  async run([username]: string[]): Promise<void> {
    const redis = await connectRedisOrFail(this.env.REDIS_URL);
    try {
      const locks = await unlockLogin(redis, this.env.QUEUE_PREFIX, username);
      process.stdout.write(locks > 0 ? `unlocked ${username} (${locks} lock(s) cleared)\n` : `${username} was not locked; failure counts cleared\n`);
    } finally {
      await redis.quit().catch(() => redis.disconnect());
    }
  }
}
