import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';
import { Role, UserEntity } from '../entities';

export interface NewUser {
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  unitId: string | null;
  roles: Role[];
}

/** An active user as the API's guard sees them. */
export type UserIdentity = Pick<UserEntity, 'id' | 'username' | 'displayName' | 'roles' | 'unitId' | 'sessionEpoch'>;

@Injectable()
export class UserRepository extends RepositoryBase {
  findActiveByUsername(username: string): Promise<UserEntity | null> {
    return this.m.findOne(UserEntity, { where: { username, active: true } });
  }

  findActiveById(id: string): Promise<UserEntity | null> {
    return this.m.findOne(UserEntity, { where: { id, active: true } });
  }

  /**
   * What authenticating a request needs of an active user, in one plain statement: every API request
   * asks this, and the entity path costs TypeORM's query building and hydration each time.
   */
  async activeIdentity(id: string): Promise<UserIdentity | null> {
    const [row] = (await this.m.query(
      `SELECT id, username, display_name AS "displayName", roles, unit_id AS "unitId", session_epoch AS "sessionEpoch"
         FROM users WHERE id = $1 AND active`,
      [id],
    )) as UserIdentity[];
    return row ?? null;
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.m.findOne(UserEntity, { where: { id } });
  }

  async preferences(id: string): Promise<{ dailyDigest: boolean; email: string | null } | undefined> {
    const [row] = (await this.m.query(`SELECT daily_digest AS "dailyDigest", email FROM users WHERE id = $1`, [id])) as {
      dailyDigest: boolean;
      email: string | null;
    }[];
    return row;
  }

  async setDailyDigest(id: string, on: boolean): Promise<void> {
    await this.m.query(`UPDATE users SET daily_digest = $2, updated_at = now() WHERE id = $1`, [id, on]);
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.m.query(`UPDATE users SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, passwordHash]);
  }

  findByUsername(username: string) {
    return this.m.findOne(UserEntity, { where: { username } });
  }

  /** Creates the user unless the username exists; returns the row and whether it is new. */
  async createIfMissing(u: NewUser): Promise<{ user: UserEntity; created: boolean }> {
    const existing = await this.findByUsername(u.username);
    if (existing) return { user: existing, created: false };
    const user = await this.m.save(
      this.m.create(UserEntity, { ...u, dailyDigest: false, active: true }),
    );
    return { user, created: true };
  }
}
