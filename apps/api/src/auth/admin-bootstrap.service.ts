import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Env } from '@app/config';
import { hashPassword, UserRepository } from '@app/persistence';

/** The first admin comes from ADMIN_USERNAME / ADMIN_PASSWORD, so a fresh install can log in. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly users: UserRepository,
    private readonly env: Env,
  ) {}

  async onApplicationBootstrap() {
    if (await this.users.findByUsername(this.env.ADMIN_USERNAME)) return;
    try {
      await this.users.createIfMissing({
        username: this.env.ADMIN_USERNAME,
        displayName: '系统管理员',
        email: null,
        passwordHash: await hashPassword(this.env.ADMIN_PASSWORD),
        unitId: null,
        roles: ['admin'],
      });
      new Logger('Auth').log(`created the first admin "${this.env.ADMIN_USERNAME}"`);
    } catch (e) {
      // Two API processes starting together: the other one created it.
      if (!(await this.users.findByUsername(this.env.ADMIN_USERNAME))) throw e;
    }
  }
}
