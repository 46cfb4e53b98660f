import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { SessionRevoker, SessionUserNotFoundError } from '@app/application';
import { hashPassword, Journal, TokenRepository, UnitAdminRepository, UnitOfWork, UserAdminRepository, UserEntity } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { page } from '../common/pagination';
import { actorOf } from '../tasks/task-gate';
import { UserResponse } from './users.response';
import { CreateUserDto, UpdateUserDto, UserQuery } from './users.dto';

/** Never the password hash. */
const toDto = (u: UserEntity): UserResponse => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  phone: u.phone,
  unitId: u.unitId,
  roles: u.roles,
  active: u.active,
  dailyDigest: u.dailyDigest,
  version: u.version,
  createdAt: u.createdAt.toISOString(),
});

const snapshot = (u: UserEntity) => ({ username: u.username, displayName: u.displayName, email: u.email, phone: u.phone, unitId: u.unitId, roles: u.roles, active: u.active, version: u.version });

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserAdminRepository,
    private readonly units: UnitAdminRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
    private readonly tokens: TokenRepository,
    private readonly sessions: SessionRevoker,
  ) {}

  async list(q: UserQuery) {
    const { rows, total } = await this.users.list({ q: q.q, unitId: q.unitId, role: q.role, active: q.active, offset: (q.page - 1) * q.limit, limit: q.limit });
    return page(rows.map(toDto), total, q);
  }

  async get(id: string): Promise<UserResponse> {
    const u = await this.users.findById(id);
    if (!u) throw new NotFoundException(`user ${id} not found`);
    return toDto(u);
  }

  private async checkUnit(unitId: string | null | undefined) {
    if (unitId && !(await this.units.findById(unitId))) throw new BadRequestException([`unitId ${unitId} is not a unit`]);
  }

  create(actor: AuthUser, dto: CreateUserDto): Promise<UserResponse> {
    return this.uow.run(async () => {
      await this.checkUnit(dto.unitId);
      const u = await this.users.insert({
        username: dto.username,
        displayName: dto.displayName,
        email: dto.email ?? null,
        phone: dto.phone ?? null,
        passwordHash: await hashPassword(dto.password),
        unitId: dto.unitId ?? null,
        roles: dto.roles,
        dailyDigest: dto.dailyDigest ?? false,
      });
      await this.journal.audit(actorOf(actor), 'user.created', { type: 'user', id: u.id }, null, snapshot(u));
      return toDto(u);
    });
  }

  update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    return this.uow.run(async () => {
      const before = await this.users.findById(id);
      if (!before) throw new NotFoundException(`user ${id} not found`);
      await this.checkUnit(dto.unitId);
      if (id === actor.id && (dto.active === false || (dto.roles && !dto.roles.includes('admin') && before.roles.includes('admin')))) {
        throw new ConflictException('you cannot deactivate yourself or remove your own admin role');
      }
      const { version, password, ...fields } = dto;
      const patch: Partial<UserEntity> = {};
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) Object.assign(patch, { [k]: v });
      if (password) patch.passwordHash = await hashPassword(password);
      const after = await this.users.update(id, version, { ...patch, version: () => 'version + 1' });
      // A password reset ends the user's logins: refresh tokens revoked, access tokens refused.
      if (password) await this.tokens.revokeSessions(id, { apiTokens: false });
      await this.journal.audit(actorOf(actor), 'user.updated', { type: 'user', id }, snapshot(before), { ...snapshot(after), passwordChanged: !!password });
      return toDto(after);
    });
  }

  /** Ends every session of the user: access tokens, refresh tokens and personal API tokens. */
  async revokeSessions(actor: AuthUser, id: string) {
    try {
      const r = await this.sessions.revokeAll({ id }, actorOf(actor));
      return { userId: r.userId, refreshTokens: r.refreshTokens, apiTokens: r.apiTokens };
    } catch (e) {
      if (e instanceof SessionUserNotFoundError) throw new NotFoundException(e.message);
      throw e;
    }
  }

  /** Users stay as the authors of reports and audit events: deleting one deactivates it. */
  deactivate(actor: AuthUser, id: string): Promise<void> {
    return this.uow.run(async () => {
      const before = await this.users.findById(id);
      if (!before) throw new NotFoundException(`user ${id} not found`);
      if (id === actor.id) throw new ConflictException('you cannot deactivate yourself');
      const after = await this.users.update(id, null, { active: false });
      await this.journal.audit(actorOf(actor), 'user.deactivated', { type: 'user', id }, snapshot(before), snapshot(after));
    });
  }
}
