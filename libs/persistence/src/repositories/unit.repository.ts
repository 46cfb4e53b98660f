import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RepositoryBase } from '../db/repository';
import { UnitEntity, UnitGroupEntity } from '../entities';

import type { UnitDirectoryData } from '@app/importer';

/** The shape of seeds/units.json. */
export type UnitDirectoryRecord = UnitDirectoryData;

export type UnitResolution =
  | { kind: 'unit'; unit: UnitEntity }
  | { kind: 'group'; name: string; units: UnitEntity[] }
  | { kind: 'unknown'; name: string };

/** Strips spacing and bracketed notes so "东湖高新区 管委会" and "东湖高新区管委会" meet. */
export function normalizeUnitName(name: string): string {
  return name.replace(/[\s\u3000]/g, '').replace(/[〈<(（][^〉>)）]*[〉>)）]/g, '');
}

@Injectable()
export class UnitRepository extends RepositoryBase {
  /** Loads a directory file; existing units (matched by code) are updated, none are deleted. */
  async upsertDirectory(dir: UnitDirectoryRecord): Promise<{ units: number; groups: number }> {
    const m = this.m;
    const byName = new Map<string, UnitEntity>();
    for (const u of dir.units) {
      const existing = await m.findOne(UnitEntity, { where: { code: u.code } });
      const row = existing ?? m.create(UnitEntity, { code: u.code, contacts: [], pending: false, webhook: null });
      Object.assign(row, { name: u.name, aliases: u.aliases ?? [], kind: u.kind ?? 'department', pending: false });
      if (u.contacts) row.contacts = u.contacts;
      byName.set(u.name, await m.save(row));
    }
    for (const u of dir.units) {
      const row = byName.get(u.name)!;
      const parentId = u.parent ? (byName.get(u.parent)?.id ?? null) : null;
      if (row.parentId !== parentId) {
        row.parentId = parentId;
        await m.save(row);
      }
    }
    for (const g of dir.groups) {
      const memberIds = g.members.map((n) => byName.get(n)?.id).filter((id): id is string => !!id);
      await m.upsert(UnitGroupEntity, { name: g.name, aliases: g.aliases ?? [], memberIds }, ['name']);
    }
    return { units: dir.units.length, groups: dir.groups.length };
  }

  /** Maps a name as a document writes it to a canonical unit, a group of units, or nothing. */
  async resolve(name: string): Promise<UnitResolution> {
    const m = this.m;
    const n = normalizeUnitName(name);
    const unit = await m
      .createQueryBuilder(UnitEntity, 'u')
      .where('u.name = :n OR :n = ANY(u.aliases)', { n })
      .orderBy('u.pending', 'ASC')
      .getOne();
    if (unit && !unit.pending) return { kind: 'unit', unit };
    const group = await m
      .createQueryBuilder(UnitGroupEntity, 'g')
      .where('g.name = :n OR :n = ANY(g.aliases)', { n })
      .getOne();
    if (group) {
      const units = group.memberIds.length ? await m.find(UnitEntity, { where: { id: In(group.memberIds) } }) : [];
      return { kind: 'group', name: group.name, units };
    }
    if (unit) return { kind: 'unit', unit };
    return { kind: 'unknown', name: n };
  }

  /** An unknown name is kept as a pending unit, listed in the import report, never dropped. */
  async createPending(name: string): Promise<UnitEntity> {
    const m = this.m;
    const n = normalizeUnitName(name);
    const existing = await m.findOne(UnitEntity, { where: { name: n } });
    if (existing) return existing;
    const count = await m.count(UnitEntity, { where: { pending: true } });
    return m.save(
      m.create(UnitEntity, {
        code: `pending-${count + 1}-${Date.now().toString(36)}`,
        name: n,
        aliases: [],
        kind: 'pending',
        pending: true,
        contacts: [],
        webhook: null,
      }),
    );
  }

  /**
   * A unit the supervisor asked to create while correcting an import: the pending unit of that
   * name is confirmed, an existing one reused, else a new one is made with `code`.
   */
  async createConfirmed(name: string, code: string): Promise<UnitEntity> {
    const m = this.m;
    const existing = await m.findOne(UnitEntity, { where: { name } });
    if (existing && !existing.pending) return existing;
    if (existing) {
      await m.update(UnitEntity, { id: existing.id }, { pending: false, kind: 'department', version: existing.version + 1 });
      return (await m.findOne(UnitEntity, { where: { id: existing.id } }))!;
    }
    return m.save(m.create(UnitEntity, { code, name, aliases: [], kind: 'department', pending: false, contacts: [], webhook: null }));
  }

  byIds(ids: string[]): Promise<UnitEntity[]> {
    return ids.length ? this.m.find(UnitEntity, { where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** Every unit, for proposals (a directory is hundreds of units, not millions). */
  all(): Promise<UnitEntity[]> {
    return this.m.find(UnitEntity, { order: { code: 'ASC' } });
  }

  findByCode(code: string) {
    return this.m.findOne(UnitEntity, { where: { code } });
  }
}
