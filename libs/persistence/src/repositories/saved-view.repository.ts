import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';
import { SavedViewEntity } from '../entities';

/** A person's named views of a list page (the 总台账's filters); nobody else reads them. */
@Injectable()
export class SavedViewRepository extends RepositoryBase {
  listOf(userId: string, page: string): Promise<SavedViewEntity[]> {
    return this.m.find(SavedViewEntity, { where: { userId, page }, order: { name: 'ASC', createdAt: 'ASC' } });
  }

  countOf(userId: string, page: string): Promise<number> {
    return this.m.count(SavedViewEntity, { where: { userId, page } });
  }

  findByName(userId: string, page: string, name: string): Promise<SavedViewEntity | null> {
    return this.m.findOne(SavedViewEntity, { where: { userId, page, name } });
  }

  insert(v: Pick<SavedViewEntity, 'userId' | 'page' | 'name' | 'query'>): Promise<SavedViewEntity> {
    return this.m.save(this.m.create(SavedViewEntity, v));
  }

  /** Only the owner's view goes; false when the user has no such view. */
  async deleteOwn(userId: string, id: string): Promise<boolean> {
    const r = await this.m.delete(SavedViewEntity, { id, userId });
    return (r.affected ?? 0) > 0;
  }
}
