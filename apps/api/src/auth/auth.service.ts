import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { hashPassword, Journal, TokenRepository, UnitOfWork, UserEntity, UserIdentity, UserRepository, verifyUserPassword } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { LoginLockout } from './login-lockout.service';
import { AuthRateLimit } from './auth-rate-limit';
import { ACCESS_TOKEN_TTL_S, newApiToken, newRefreshToken, REFRESH_TOKEN_TTL_MS, sha256 } from './tokens';

/** The refresh token was just spent by another tab of the same browser: retry with the cookie its answer set. */
export class ConcurrentRefresh extends ConflictException {
  constructor() {
    super('session refreshed at the same moment by another tab: retry with the current cookie');
  }
}

@Injectable()
export class AuthService implements OnModuleInit {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenRepository,
    private readonly uow: UnitOfWork,
    private readonly jwt: JwtService,
    private readonly lockout: LoginLockout,
    private readonly rateLimit: AuthRateLimit,
    private readonly journal: Journal,
  ) {}

  onModuleInit() {
    // Makes the unknown-username hash now, so that not even the first such login is quicker.
    void verifyUserPassword(null, '');
  }

  async login(username: string, password: string, address: string) {
    return this.issue(await this.checkPassword(username, password, address), randomUUID());
  }

  /**
   * The one password check of every credential entry (logins, the /queues dashboard): rate limit per
   * address, lock-out, the same time for unknown usernames; null for a wrong username or password.
   */
  async checkPassword(username: string, password: string, address: string): Promise<UserEntity> {
    await this.rateLimit.hit(address);
    await this.lockout.assertNotLocked(username, address);
    const user = await this.users.findActiveByUsername(username);
    if (!(await verifyUserPassword(user?.passwordHash, password)) || !user) {
      await this.lockout.recordFailure(username, address);
      throw new UnauthorizedException('wrong username or password');
    }
    await this.lockout.clear(username, address);
    return user;
  }

  /**
   * Rotates the refresh token; presenting a spent one revokes its whole family (token theft).
   * `concurrentGraceMs` (browser sessions): a token spent less than this long ago is another tab of
   * the same browser refreshing at the same moment, which shares the cookie: it is told to retry
   * (ConcurrentRefresh) with the cookie the first answer set, and nothing is revoked or issued.
   */
  async refresh(token: string, { concurrentGraceMs = 0 }: { concurrentGraceMs?: number } = {}) {
    const outcome = await this.uow.run(async () => {
      const row = await this.tokens.lockRefreshToken(sha256(token));
      if (!row || row.revokedAt || row.expiresAt < new Date()) return { refused: 'refresh token is invalid or expired' };
      if (row.usedAt && Date.now() - row.usedAt.getTime() < concurrentGraceMs) return { concurrent: true as const };
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
    if ('concurrent' in outcome) throw new ConcurrentRefresh();
    return outcome.tokens;
  }

  private async issue(user: UserEntity, familyId: string) {
    // ep: the user's session epoch; raising it (password change, sessions revoked) ends this token.
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username, ep: user.sessionEpoch }, { expiresIn: ACCESS_TOKEN_TTL_S });
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
      const user = await this.users.activeIdentity(token.userId);
      if (!user) return null;
      void this.tokens.touchApiToken(token.id).catch(() => undefined);
      return toAuthUser(user, token.scope === 'read' ? 'read' : 'full');
    }
    let payload: { sub: string; ep?: number };
    try {
      payload = await this.jwt.verifyAsync(bearer);
    } catch {
      return null;
    }
    const user = await this.users.activeIdentity(payload.sub);
    return user && (payload.ep ?? 0) === user.sessionEpoch ? toAuthUser(user, 'full') : null;
  }

  /**
   * A user changes their own password (the current one checked like a login); every session of theirs
   * ends, this one included: refresh tokens are revoked and access tokens stop working. API tokens stay.
   */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string, address: string): Promise<void> {
    await this.checkPassword(user.username, currentPassword, address);
    const passwordHash = await hashPassword(newPassword);
    await this.uow.run(async () => {
      await this.users.setPasswordHash(user.id, passwordHash);
      const revoked = await this.tokens.revokeSessions(user.id, { apiTokens: false });
      await this.journal.audit({ id: user.id, name: user.username }, 'user.password_changed', { type: 'user', id: user.id }, null, {
        refreshTokensRevoked: revoked.refreshTokens,
      });
    });
  }

  async createApiToken(userId: string, name: string, expiresInDays?: number) {
    const token = newApiToken();
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
    const row = await this.tokens.insertApiToken({ userId, name, tokenHash: sha256(token), scope: 'read', expiresAt });
    return { id: row.id, name, scope: row.scope, token, createdAt: row.createdAt, expiresAt: row.expiresAt };
  }

  async listApiTokens(userId: string) {
    const rows = await this.tokens.liveApiTokens(userId);
    return rows.map((r) => ({ id: r.id, name: r.name, scope: r.scope, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt, expiresAt: r.expiresAt }));
  }

  async revokeApiToken(userId: string, id: string): Promise<boolean> {
    return this.tokens.revokeApiToken(userId, id);
  }
}

export function toAuthUser(u: UserIdentity, scope: 'full' | 'read'): AuthUser {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, unitId: u.unitId, scope };
}
