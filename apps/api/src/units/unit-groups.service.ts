import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Journal, UnitEntity, UnitGroupEntity, UnitGroupRepository, UnitOfWork } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { refusal } from '../common/http-errors';
import { actorOf } from '../tasks/task-gate';
import { CreateUnitGroupDto, UpdateUnitGroupDto } from './unit-groups.dto';
import { UnitGroupResponse } from './unit-groups.response';

/** Spacing means nothing in a Chinese name, and imports compare names without it. */
const tidy = (s: string) => s.replace(/[\s\u3000]/g, '');

const snapshot = (g: UnitGroupEntity) => ({ name: g.name, aliases: g.aliases, memberIds: g.memberIds, version: g.version });

/** 单位分组: a name documents use for several units (各区人民政府), which imports resolve to its members. */
@Injectable()
export class UnitGroupsService {
  constructor(
    private readonly groups: UnitGroupRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
  ) {}

  async list(): Promise<UnitGroupResponse[]> {
    const groups = await this.groups.list();
    const units = new Map((await this.groups.unitsByIds([...new Set(groups.flatMap((g) => g.memberIds))])).map((u) => [u.id, u]));
    return groups.map((g) => this.toDto(g, units));
  }

  create(user: AuthUser, dto: CreateUnitGroupDto): Promise<UnitGroupResponse> {
    return this.uow.run(async () => {
      const fields = await this.checked(null, { name: dto.name, aliases: dto.aliases ?? [], memberIds: dto.memberIds });
      const g = await this.groups.insert(fields);
      await this.journal.audit(actorOf(user), 'unit_group.created', { type: 'unit_group', id: g.id }, null, snapshot(g));
      return this.one(g);
    });
  }

  update(user: AuthUser, id: string, dto: UpdateUnitGroupDto): Promise<UnitGroupResponse> {
    return this.uow.run(async () => {
      const before = await this.groups.findById(id);
      if (!before) throw new NotFoundException(`unit group ${id} not found`);
      const fields = await this.checked(id, {
        name: dto.name ?? before.name,
        aliases: dto.aliases ?? before.aliases,
        memberIds: dto.memberIds ?? before.memberIds,
      });
      const after = await this.groups.update(id, dto.version, fields);
      await this.journal.audit(actorOf(user), 'unit_group.updated', { type: 'unit_group', id }, snapshot(before), snapshot(after));
      return this.one(after);
    });
  }

  remove(user: AuthUser, id: string, version: number): Promise<void> {
    return this.uow.run(async () => {
      const before = await this.groups.findById(id);
      if (!before) throw new NotFoundException(`unit group ${id} not found`);
      if (!(await this.groups.delete(id, version))) {
        throw new ConflictException({ statusCode: 409, message: `unit group ${id} was changed by someone else`, currentVersion: before.version });
      }
      await this.journal.audit(actorOf(user), 'unit_group.deleted', { type: 'unit_group', id }, snapshot(before), null);
    });
  }

  /**
   * The fields as stored, or a 422 naming each problem in Chinese: an empty name, a name or alias some
   * unit or other group already answers to (an import could not tell which is meant), an unknown member.
   */
  private async checked(id: string | null, f: { name: string; aliases: string[]; memberIds: string[] }) {
    const name = tidy(f.name);
    const aliases = [...new Set(f.aliases.map(tidy).filter((a) => a && a !== name))];
    const problems: string[] = [];
    if (!name) problems.push('name: 请填写分组名称');
    const owners = await this.groups.ownersOf(name ? [name, ...aliases] : aliases, id);
    const taken = (o: (typeof owners)[number]) => `「${o.matched}」已是${o.kind === 'unit' ? '单位' : '分组'}「${o.name}」的名称或别名`;
    for (const o of owners) if (o.matched === name) problems.push(`name: ${taken(o)}`);
    for (const o of owners) if (o.matched !== name) problems.push(`aliases: ${taken(o)}`);
    const found = new Set((await this.groups.unitsByIds(f.memberIds)).map((u) => u.id));
    for (const m of f.memberIds) if (!found.has(m)) problems.push(`memberIds: 单位 ${m} 不存在`);
    if (problems.length) throw refusal('invalid_unit_group', problems);
    return { name, aliases, memberIds: f.memberIds };
  }

  private async one(g: UnitGroupEntity): Promise<UnitGroupResponse> {
    return this.toDto(g, new Map((await this.groups.unitsByIds(g.memberIds)).map((u) => [u.id, u])));
  }

  /** Members by name; an id whose unit was deleted since is left out. */
  private toDto(g: UnitGroupEntity, units: Map<string, UnitEntity>): UnitGroupResponse {
    const members = g.memberIds.flatMap((mid) => {
      const u = units.get(mid);
      return u ? [{ id: u.id, name: u.name }] : [];
    });
    return { id: g.id, name: g.name, aliases: g.aliases, members, version: g.version };
  }
}
