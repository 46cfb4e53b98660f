import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Journal, UnitAdminRepository, UnitEntity, UnitListRow, UnitOfWork } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { page } from '../common/pagination';
import { actorOf } from '../tasks/task-gate';
import { UnitResponse } from './units.response';
import { CreateUnitDto, UnitQuery, UpdateUnitDto } from './units.dto';

const toDto = (r: UnitListRow): UnitResponse => ({
  id: r.unit.id,
  code: r.unit.code,
  name: r.unit.name,
  kind: r.unit.kind,
  parentId: r.unit.parentId,
  parentName: r.parentName,
  childCount: r.childCount,
  aliases: r.unit.aliases,
  pending: r.unit.pending,
  staffMayAssign: r.unit.staffMayAssign,
  contacts: r.unit.contacts,
  version: r.unit.version,
  updatedAt: r.unit.updatedAt.toISOString(),
});

const snapshot = (u: UnitEntity) => ({ code: u.code, name: u.name, kind: u.kind, parentId: u.parentId, aliases: u.aliases, pending: u.pending, staffMayAssign: u.staffMayAssign, version: u.version });

/** The unit directory (单位): the tree the importer maps document names onto. */
@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitAdminRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
  ) {}

  async list(q: UnitQuery) {
    const { rows, total } = await this.units.list({ q: q.q, parentId: q.parentId, pending: q.pending, offset: (q.page - 1) * q.limit, limit: q.limit });
    return page(rows.map(toDto), total, q);
  }

  async get(id: string): Promise<UnitResponse> {
    const r = await this.units.findWithTree(id);
    if (!r) throw new NotFoundException(`unit ${id} not found`);
    return toDto(r);
  }

  create(user: AuthUser, dto: CreateUnitDto): Promise<UnitResponse> {
    return this.uow.run(async () => {
      if (dto.parentId && !(await this.units.findById(dto.parentId))) throw new BadRequestException([`parentId ${dto.parentId} is not a unit`]);
      const u = await this.units.insert({
        code: dto.code,
        name: dto.name,
        kind: dto.kind ?? 'department',
        parentId: dto.parentId ?? null,
        aliases: dto.aliases ?? [],
        contacts: (dto.contacts ?? []).map((c) => ({ ...c })),
      });
      await this.journal.audit(actorOf(user), 'unit.created', { type: 'unit', id: u.id }, null, snapshot(u));
      return this.get(u.id);
    });
  }

  update(user: AuthUser, id: string, dto: UpdateUnitDto): Promise<UnitResponse> {
    return this.uow.run(async () => {
      const before = await this.units.findById(id);
      if (!before) throw new NotFoundException(`unit ${id} not found`);
      if (dto.parentId) {
        if (!(await this.units.findById(dto.parentId))) throw new BadRequestException([`parentId ${dto.parentId} is not a unit`]);
        if (await this.units.wouldCycle(id, dto.parentId)) throw new BadRequestException(['parentId would make the unit its own ancestor']);
      }
      const { version, ...fields } = dto;
      const patch: Partial<UnitEntity> = {};
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) Object.assign(patch, { [k]: v });
      const after = await this.units.update(id, version, { ...patch, version: () => 'version + 1' });
      await this.journal.audit(actorOf(user), 'unit.updated', { type: 'unit', id }, snapshot(before), snapshot(after));
      return this.get(id);
    });
  }

  remove(user: AuthUser, id: string, version: number): Promise<void> {
    return this.uow.run(async () => {
      const before = await this.units.findById(id);
      if (!before) throw new NotFoundException(`unit ${id} not found`);
      const usage = await this.units.usage(id);
      const uses = Object.entries(usage).filter(([, n]) => n > 0);
      if (uses.length) throw new ConflictException({ statusCode: 409, message: `unit ${before.name} is in use and cannot be deleted`, usage });
      if (!(await this.units.delete(id, version))) {
        throw new ConflictException({ statusCode: 409, message: `unit ${id} was changed by someone else`, currentVersion: before.version });
      }
      await this.journal.audit(actorOf(user), 'unit.deleted', { type: 'unit', id }, snapshot(before), null);
    });
  }
}
