import { randomUUID } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { ApiTokenEntity, RefreshTokenEntity, UserEntity, verifyPassword } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { LoginLockout } from './login-lockout.service';
import { ACCESS_TOKEN_TTL_S, newApiToken, newRefreshToken, REFRESH_TOKEN_TTL_MS, sha256 } from './tokens';

// Verifying against a fixed hash when the user does not exist keeps the timing the same.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$2Zb7bhWGo6Y4eBQ3uwb2Cq4QJVg0YBv2Zq0a1mHkQ2Y';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jwt: JwtService,
    private readonly lockout: LoginLockout,
  ) {}

  async login(username: string, password: string) {
    await this.lockout.assertNotLocked(username);
    const user = await this.ds.manager.findOne(UserEntity, { where: { username, active: true } });
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok) {
      await this.lockout.recordFailure(username);
      throw new UnauthorizedException('wrong username or password');
    }
    await this.lockout.clear(username);
    return this.issue(user, randomUUID());
  }

  /** Rotates the refresh token; presenting a spent one revokes its whole family (token theft). */
  async refresh(token: string) {
    const outcome = await this.ds.transaction(async (m) => {
      const row = await m.findOne(RefreshTokenEntity, {
        where: { tokenHash: sha256(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.revokedAt || row.expiresAt < new Date()) return { refused: 'refresh token is invalid or expired' };
      if (row.usedAt) {
        // Committed before answering: the revocation must survive the refusal.
        await m.update(RefreshTokenEntity, { familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return { refused: 'refresh token was already used; all sessions of this login are revoked' };
      }
      await m.update(RefreshTokenEntity, { id: row.id }, { usedAt: new Date() });
      const user = await m.findOne(UserEntity, { where: { id: row.userId, active: true } });
      if (!user) return { refused: 'user is disabled' };
      return { tokens: await this.issue(user, row.familyId, m.getRepository(RefreshTokenEntity)) };
    });
    if ('refused' in outcome) throw new UnauthorizedException(outcome.refused);
    return outcome.tokens;
  }

  private async issue(user: UserEntity, familyId: string, repo = this.ds.getRepository(RefreshTokenEntity)) {
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username }, { expiresIn: ACCESS_TOKEN_TTL_S });
    const refreshToken = newRefreshToken();
    await repo.insert({
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
    });
    return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_S };
  }

  /** Resolves a bearer credential (JWT or API token) to the caller, or null. */
  async authenticate(bearer: string): Promise<AuthUser | null> {
    if (bearer.startsWith('dbn_')) {
      const token = await this.ds.manager.findOne(ApiTokenEntity, { where: { tokenHash: sha256(bearer), revokedAt: IsNull() } });
      if (!token) return null;
      const user = await this.ds.manager.findOne(UserEntity, { where: { id: token.userId, active: true } });
      if (!user) return null;
      void this.ds.manager.update(ApiTokenEntity, { id: token.id }, { lastUsedAt: new Date() }).catch(() => undefined);
      return toAuthUser(user, token.scope === 'read' ? 'read' : 'full');
    }
    let payload: { sub: string };
    try {
      payload = await this.jwt.verifyAsync(bearer);
    } catch {
      return null;
    }
    const user = await this.ds.manager.findOne(UserEntity, { where: { id: payload.sub, active: true } });
    return user ? toAuthUser(user, 'full') : null;
  }

  async createApiToken(userId: string, name: string) {
    const token = newApiToken();
    const row = await this.ds.manager.save(
      this.ds.manager.create(ApiTokenEntity, { userId, name, tokenHash: sha256(token), scope: 'read' }),
    );
    return { id: row.id, name, scope: row.scope, token, createdAt: row.createdAt };
  }

  async listApiTokens(userId: string) {
    const rows = await this.ds.manager.find(ApiTokenEntity, { where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
    return rows.map((r) => ({ id: r.id, name: r.name, scope: r.scope, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt }));
  }

  async revokeApiToken(userId: string, id: string): Promise<boolean> {
    const r = await this.ds.manager.update(ApiTokenEntity, { id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (r.affected ?? 0) > 0;
  }
}

export function toAuthUser(u: UserEntity, scope: 'full' | 'read'): AuthUser {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, unitId: u.unitId, scope };
}
