import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';
import { UnitAliasEntity, UnitEntity } from '../entities';

/** Names supervisors mapped onto units while correcting imports (scoped: see aliasScope in libs/importer). */
@Injectable()
export class UnitAliasRepository extends RepositoryBase {
  /** The unit `alias` stands for in `scope`; null when nobody taught it. */
  async lookup(alias: string, scope: string): Promise<UnitEntity | null> {
    const [row] = (await this.m.query(`SELECT unit_id FROM unit_aliases WHERE alias = $1 AND scope = $2`, [alias, scope])) as { unit_id: string }[];
    return row ? this.m.findOne(UnitEntity, { where: { id: row.unit_id } }) : null;
  }

  /** Remembers (or re-points) `alias` in `scope` to the unit. */
  async learn(unitId: string, alias: string, scope: string, createdBy: string | null): Promise<void> {
    await this.m.query(
      `INSERT INTO unit_aliases (unit_id, alias, scope, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (alias, scope) DO UPDATE SET unit_id = EXCLUDED.unit_id, created_by = EXCLUDED.created_by, created_at = now()`,
      [unitId, alias, scope, createdBy],
    );
  }

  forUnit(unitId: string): Promise<UnitAliasEntity[]> {
    return this.m.find(UnitAliasEntity, { where: { unitId }, order: { alias: 'ASC' } });
  }
}
