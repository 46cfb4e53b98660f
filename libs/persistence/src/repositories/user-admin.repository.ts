import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';
import { updateVersioned, VersionedPatch } from './versioned';
import { Role, UserEntity } from '../entities';

/** Administration of users (the login side is in apps/api/src/auth). */
@Injectable()
export class UserAdminRepository extends RepositoryBase {
  async list(f: { q?: string; unitId?: string; role?: Role; active?: boolean; offset: number; limit: number }) {
    const qb = this.m.createQueryBuilder(UserEntity, 'u');
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(u.username ILIKE :like OR u.display_name ILIKE :like OR u.email ILIKE :like)', { like });
    }
    if (f.unitId) qb.andWhere('u.unit_id = :unitId', { unitId: f.unitId });
    if (f.role) qb.andWhere(':role = ANY(u.roles)', { role: f.role });
    if (f.active !== undefined) qb.andWhere('u.active = :active', { active: f.active });
    const [rows, total] = await qb.orderBy('u.username', 'ASC').skip(f.offset).take(f.limit).getManyAndCount();
    return { rows, total };
  }

  /** Conditional on `version` (null: unconditional); the version is bumped either way. */
  update(id: string, version: number | null, patch: VersionedPatch<UserEntity>): Promise<UserEntity> {
    return updateVersioned(this.m, UserEntity, 'user', id, version, patch);
  }

  findById(id: string) {
    return this.m.findOne(UserEntity, { where: { id } });
  }

  findByIds(ids: string[]) {
    return ids.length ? this.m.findByIds(UserEntity, ids) : Promise.resolve([]);
  }

  insert(u: Pick<UserEntity, 'username' | 'displayName' | 'email' | 'passwordHash' | 'unitId' | 'roles' | 'dailyDigest'> & { phone?: string | null }) {
    return this.m.save(this.m.create(UserEntity, { ...u, active: true }));
  }
}
