import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RepositoryBase } from '../db/repository';
import { UnitEntity, UnitGroupEntity } from '../entities';
import { updateVersioned, VersionedPatch } from './versioned';

/** A unit a name already belongs to, as a name or an alias (a group of that name would never be resolved). */
export interface NameOwner {
  kind: 'unit' | 'group';
  id: string;
  name: string;
}

/**
 * Unit groups (单位分组, e.g. 各区人民政府): a name documents use for several units at once, which imports
 * resolve to its members. Edited one at a time on the 单位管理 page; the directory import writes them in bulk.
 */
@Injectable()
export class UnitGroupRepository extends RepositoryBase {
  list(): Promise<UnitGroupEntity[]> {
    return this.m.find(UnitGroupEntity, { order: { name: 'ASC' } });
  }

  findById(id: string): Promise<UnitGroupEntity | null> {
    return this.m.findOne(UnitGroupEntity, { where: { id } });
  }

  /** The units of these ids that exist (members are checked against it). */
  unitsByIds(ids: readonly string[]): Promise<UnitEntity[]> {
    return ids.length ? this.m.find(UnitEntity, { where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  /** Who already answers to any of these names (a unit's name or alias, another group's name or alias). */
  async ownersOf(names: readonly string[], exceptGroupId: string | null): Promise<(NameOwner & { matched: string })[]> {
    if (names.length === 0) return [];
    return this.m.query(
      `SELECT 'unit' AS kind, u.id, u.name, n AS matched FROM units u, unnest($1::text[]) n WHERE (u.name = n OR n = ANY(u.aliases)) AND NOT u.pending
       UNION ALL
       SELECT 'group', g.id, g.name, n FROM unit_groups g, unnest($1::text[]) n
        WHERE (g.name = n OR n = ANY(g.aliases)) AND g.id IS DISTINCT FROM $2::uuid`,
      [names, exceptGroupId],
    );
  }

  insert(g: Pick<UnitGroupEntity, 'name' | 'aliases' | 'memberIds'>): Promise<UnitGroupEntity> {
    return this.m.save(this.m.create(UnitGroupEntity, g));
  }

  update(id: string, version: number, patch: VersionedPatch<UnitGroupEntity>): Promise<UnitGroupEntity> {
    return updateVersioned(this.m, UnitGroupEntity, 'unit group', id, version, patch);
  }

  async delete(id: string, version: number): Promise<boolean> {
    const r = await this.m.delete(UnitGroupEntity, { id, version });
    return (r.affected ?? 0) > 0;
  }
}
