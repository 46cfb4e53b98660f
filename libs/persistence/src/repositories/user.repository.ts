import { DataSource, EntityManager } from 'typeorm';
import { Role, UserEntity } from '../entities';

export interface NewUser {
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  unitId: string | null;
  roles: Role[];
}

export class UserRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get manager(): EntityManager {
    return this.db instanceof DataSource ? this.db.manager : this.db;
  }

  findByUsername(username: string) {
    return this.manager.findOne(UserEntity, { where: { username } });
  }

  /** Creates the user unless the username exists; returns the row and whether it is new. */
  async createIfMissing(u: NewUser): Promise<{ user: UserEntity; created: boolean }> {
    const existing = await this.findByUsername(u.username);
    if (existing) return { user: existing, created: false };
    const user = await this.manager.save(
      this.manager.create(UserEntity, { ...u, dailyDigest: false, active: true }),
    );
    return { user, created: true };
  }
}
