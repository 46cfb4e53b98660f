import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';
import { updateVersioned, VersionedPatch } from './versioned';
import { UnitEntity } from '../entities';

export interface UnitListRow {
  unit: UnitEntity;
  parentName: string | null;
  childCount: number;
}

export interface UnitUsage {
  users: number;
  assignments: number;
  children: number;
  reports: number;
}

/** Administration of the unit directory: list with tree information, create, change, delete unused. */
@Injectable()
export class UnitAdminRepository extends RepositoryBase {
  async list(f: { q?: string; pending?: boolean; parentId?: string; offset: number; limit: number }): Promise<{ rows: UnitListRow[]; total: number }> {
    const qb = this.m
      .createQueryBuilder(UnitEntity, 'u')
      .leftJoin(UnitEntity, 'p', 'p.id = u.parent_id')
      .addSelect('p.name', 'parent_name')
      .addSelect('(SELECT count(*)::int FROM units c WHERE c.parent_id = u.id)', 'child_count');
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(`(u.name ILIKE :like OR u.code ILIKE :like OR array_to_string(u.aliases, ' ') ILIKE :like)`, { like });
    }
    if (f.pending !== undefined) qb.andWhere('u.pending = :pending', { pending: f.pending });
    if (f.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: f.parentId });
    const total = await qb.getCount();
    const { entities, raw } = await qb.orderBy('u.code', 'ASC').addOrderBy('u.id', 'ASC').offset(f.offset).limit(f.limit).getRawAndEntities();
    return {
      total,
      rows: entities.map((unit) => {
        const r = raw.find((x: { u_id: string }) => x.u_id === unit.id) as { parent_name: string | null; child_count: number };
        return { unit, parentName: r.parent_name, childCount: r.child_count };
      }),
    };
  }

  async findWithTree(id: string): Promise<UnitListRow | null> {
    const unit = await this.m.findOne(UnitEntity, { where: { id } });
    if (!unit) return null;
    const parent = unit.parentId ? await this.m.findOne(UnitEntity, { where: { id: unit.parentId } }) : null;
    const childCount = await this.m.count(UnitEntity, { where: { parentId: id } });
    return { unit, parentName: parent?.name ?? null, childCount };
  }

  /** Conditional on `version` (null: unconditional); the version is bumped either way. */
  update(id: string, version: number | null, patch: VersionedPatch<UnitEntity>): Promise<UnitEntity> {
    return updateVersioned(this.m, UnitEntity, 'unit', id, version, patch);
  }

  /** The unit's chat-robot webhook; undefined when there is no such unit. */
  async webhookOf(id: string): Promise<{ webhook: { url: string; format: string } | null } | undefined> {
    const [unit] = (await this.m.query(`SELECT webhook FROM units WHERE id = $1`, [id])) as { webhook: { url: string; format: string } | null }[];
    return unit;
  }

  async setWebhook(id: string, webhook: { url: string; format: string } | null): Promise<void> {
    await this.m.query(`UPDATE units SET webhook = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
      id,
      webhook === null ? null : JSON.stringify(webhook),
    ]);
  }

  findById(id: string) {
    return this.m.findOne(UnitEntity, { where: { id } });
  }

  insert(u: Pick<UnitEntity, 'code' | 'name' | 'kind' | 'parentId' | 'aliases' | 'contacts'>) {
    return this.m.save(this.m.create(UnitEntity, { ...u, pending: false, webhook: null }));
  }

  /** True when `candidateParentId` is `id` itself or one of its descendants (would make a cycle). */
  async wouldCycle(id: string, candidateParentId: string): Promise<boolean> {
    const rows: unknown[] = await this.m.query(
      `WITH RECURSIVE sub(id) AS (SELECT $1::uuid UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id)
       SELECT 1 FROM sub WHERE id = $2::uuid`,
      [id, candidateParentId],
    );
    return rows.length > 0;
  }

  async usage(id: string): Promise<UnitUsage> {
    const [r] = await this.m.query(
      `SELECT (SELECT count(*)::int FROM users WHERE unit_id = $1) AS users,
              (SELECT count(*)::int FROM assignments WHERE unit_id = $1) AS assignments,
              (SELECT count(*)::int FROM units WHERE parent_id = $1) AS children,
              (SELECT count(*)::int FROM progress_reports WHERE unit_id = $1)
                + (SELECT count(*)::int FROM extension_requests WHERE unit_id = $1) AS reports`,
      [id],
    );
    return r as UnitUsage;
  }

  async delete(id: string, version: number): Promise<number> {
    // Through a CTE so the driver answers the deleted rows (a bare DELETE … RETURNING answers [rows, count]).
    const r: unknown[] = await this.m.query(
      `WITH d AS (DELETE FROM units WHERE id = $1 AND version = $2 RETURNING id) SELECT id FROM d`,
      [id, version],
    );
    return r.length;
  }
}
