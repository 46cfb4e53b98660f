import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RepositoryBase } from '../db/repository';
import { DirectoryImportEntity, Role, UnitEntity, UnitGroupEntity, UserEntity } from '../entities';

/** Everything of the directory a directory file describes, as stored. */
export interface DirectorySnapshot {
  units: UnitEntity[];
  groups: UnitGroupEntity[];
  users: UserEntity[];
}

export interface DirectoryUserFields {
  username: string;
  displayName: string;
  unitId: string | null;
  roles: Role[];
  email: string | null;
  phone: string | null;
}

/**
 * The organisation directory as a whole: read it for an import or an export, keep previewed
 * directory files, write groups. Single units and users are written through the admin repositories.
 */
@Injectable()
export class DirectoryRepository extends RepositoryBase {
  async snapshot(): Promise<DirectorySnapshot> {
    const [units, groups, users] = [
      await this.m.find(UnitEntity, { order: { code: 'ASC' } }),
      await this.m.find(UnitGroupEntity, { order: { name: 'ASC' } }),
      await this.m.find(UserEntity, { order: { username: 'ASC' } }),
    ];
    return { units, groups, users };
  }

  insertPreview(row: Pick<DirectoryImportEntity, 'fileName' | 'rows' | 'createdBy'>): Promise<DirectoryImportEntity> {
    return this.m.save(this.m.create(DirectoryImportEntity, { ...row, status: 'previewed', committedAt: null }));
  }

  /** Locks the preview for the rest of the transaction, so two commits of it serialize. */
  lockPreview(id: string): Promise<DirectoryImportEntity | null> {
    return this.m.findOne(DirectoryImportEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async finishPreview(id: string): Promise<void> {
    await this.m.update(DirectoryImportEntity, { id }, { status: 'committed', committedAt: new Date() });
  }

  async saveGroup(g: { id: string | null; name: string; aliases: string[]; memberIds: string[] }): Promise<void> {
    if (g.id) await this.m.update(UnitGroupEntity, { id: g.id }, { name: g.name, aliases: g.aliases, memberIds: g.memberIds });
    else await this.m.insert(UnitGroupEntity, { name: g.name, aliases: g.aliases, memberIds: g.memberIds });
  }

  async insertUser(u: DirectoryUserFields & { passwordHash: string }): Promise<UserEntity> {
    return this.m.save(this.m.create(UserEntity, { ...u, dailyDigest: false, active: true }));
  }

  /** A directory row is the office's current list: a listed user is active. */
  async updateUser(id: string, u: DirectoryUserFields & { passwordHash?: string }): Promise<void> {
    await this.m
      .createQueryBuilder()
      .update(UserEntity)
      .set({ ...u, active: true })
      .where('id = :id', { id })
      .execute();
  }

  unitsByIds(ids: string[]): Promise<UnitEntity[]> {
    return ids.length ? this.m.find(UnitEntity, { where: { id: In(ids) } }) : Promise.resolve([]);
  }
}
