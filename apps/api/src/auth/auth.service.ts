import { randomUUID } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { TokenRepository, UnitOfWork, UserEntity, UserRepository, verifyPassword } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { LoginLockout } from './login-lockout.service';
import { ACCESS_TOKEN_TTL_S, newApiToken, newRefreshToken, REFRESH_TOKEN_TTL_MS, sha256 } from './tokens';

// Verifying against a fixed hash when the user does not exist keeps the timing the same.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$2Zb7bhWGo6Y4eBQ3uwb2Cq4QJVg0YBv2Zq0a1mHkQ2Y';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenRepository,
    private readonly uow: UnitOfWork,
    private readonly jwt: JwtService,
    private readonly lockout: LoginLockout,
  ) {}

  async login(username: string, password: string) {
    await this.lockout.assertNotLocked(username);
    const user = await this.users.findActiveByUsername(username);
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
    const outcome = await this.uow.run(async () => {
      const row = await this.tokens.lockRefreshToken(sha256(token));
      if (!row || row.revokedAt || row.expiresAt < new Date()) return { refused: 'refresh token is invalid or expired' };
      if (row.usedAt) {
        // Committed before answering: the revocation must survive the refusal.
        await this.tokens.revokeRefreshFamily(row.familyId);
        return { refused: 'refresh token was already used; all sessions of this login are revoked' };
      }
      await this.tokens.markRefreshTokenUsed(row.id);
      const user = await this.users.findActiveById(row.userId);
      if (!user) return { refused: 'user is disabled' };
      return { tokens: await this.issue(user, row.familyId) };
    });
    if ('refused' in outcome) throw new UnauthorizedException(outcome.refused);
    return outcome.tokens;
  }

  private async issue(user: UserEntity, familyId: string) {
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username }, { expiresIn: ACCESS_TOKEN_TTL_S });
    const refreshToken = newRefreshToken();
    await this.tokens.insertRefreshToken({
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
    });
    return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_S };
  }

  /** The login (family) a refresh token belongs to, whatever its state; null for an unknown token. */
  refreshFamily(token: string): Promise<string | null> {
    return this.tokens.refreshFamilyOf(sha256(token));
  }

  /** Ends a login: every refresh token of the family stops working. */
  revokeFamily(familyId: string): Promise<void> {
    return this.tokens.revokeRefreshFamily(familyId);
  }

  /** Resolves a bearer credential (JWT or API token) to the caller, or null. */
  async authenticate(bearer: string): Promise<AuthUser | null> {
    if (bearer.startsWith('dbn_')) {
      const token = await this.tokens.liveApiToken(sha256(bearer));
      if (!token) return null;
      const user = await this.users.findActiveById(token.userId);
      if (!user) return null;
      void this.tokens.touchApiToken(token.id).catch(() => undefined);
      return toAuthUser(user, token.scope === 'read' ? 'read' : 'full');
    }
    let payload: { sub: string };
    try {
      payload = await this.jwt.verifyAsync(bearer);
    } catch {
      return null;
    }
    const user = await this.users.findActiveById(payload.sub);
    return user ? toAuthUser(user, 'full') : null;
  }

  async createApiToken(userId: string, name: string) {
    const token = newApiToken();
    const row = await this.tokens.insertApiToken({ userId, name, tokenHash: sha256(token), scope: 'read' });
    return { id: row.id, name, scope: row.scope, token, createdAt: row.createdAt };
  }

  async listApiTokens(userId: string) {
    const rows = await this.tokens.liveApiTokens(userId);
    return rows.map((r) => ({ id: r.id, name: r.name, scope: r.scope, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt }));
  }

  async revokeApiToken(userId: string, id: string): Promise<boolean> {
    return this.tokens.revokeApiToken(userId, id);
  }
}

export function toAuthUser(u: UserEntity, scope: 'full' | 'read'): AuthUser {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, unitId: u.unitId, scope };
}
