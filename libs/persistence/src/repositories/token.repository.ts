import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { ApiTokenEntity, RefreshTokenEntity } from '../entities';
import { RepositoryBase } from '../db/repository';

/** Refresh tokens (rotated, in families) and personal API tokens; only their SHA-256 is stored. */
@Injectable()
export class TokenRepository extends RepositoryBase {
  /** Locks the refresh token row for the rest of the transaction (one rotation at a time). */
  lockRefreshToken(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.m.findOne(RefreshTokenEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markRefreshTokenUsed(id: string): Promise<void> {
    await this.m.update(RefreshTokenEntity, { id }, { usedAt: new Date() });
  }

  async revokeRefreshFamily(familyId: string): Promise<void> {
    await this.m.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** The login (family) a refresh token belongs to, whatever the token's state; null for an unknown one. */
  async refreshFamilyOf(tokenHash: string): Promise<string | null> {
    const row = await this.m.findOne(RefreshTokenEntity, { where: { tokenHash } });
    return row?.familyId ?? null;
  }

  async insertRefreshToken(t: Pick<RefreshTokenEntity, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>): Promise<void> {
    await this.m.insert(RefreshTokenEntity, t);
  }

  /** The token if it is neither revoked nor expired. */
  async liveApiToken(tokenHash: string, now = new Date()): Promise<ApiTokenEntity | null> {
    const row = await this.m.findOne(ApiTokenEntity, { where: { tokenHash, revokedAt: IsNull() } });
    return row && (!row.expiresAt || row.expiresAt > now) ? row : null;
  }

  async touchApiToken(id: string): Promise<void> {
    await this.m.update(ApiTokenEntity, { id }, { lastUsedAt: new Date() });
  }

  insertApiToken(t: Pick<ApiTokenEntity, 'userId' | 'name' | 'tokenHash' | 'scope' | 'expiresAt'>): Promise<ApiTokenEntity> {
    return this.m.save(this.m.create(ApiTokenEntity, t));
  }

  /** The user's tokens that still work (not revoked, not expired), newest first. */
  liveApiTokens(userId: string, now = new Date()): Promise<ApiTokenEntity[]> {
    return this.m.find(ApiTokenEntity, {
      where: [
        { userId, revokedAt: IsNull(), expiresAt: IsNull() },
        { userId, revokedAt: IsNull(), expiresAt: MoreThan(now) },
      ],
      order: { createdAt: 'DESC' },
    });
  }

  /**
   * Ends every session of a user: raises the session epoch (access tokens issued before stop working),
   * revokes every refresh token and, unless only the logins should end, every API token. Returns the counts.
   */
  async revokeSessions(userId: string, o: { apiTokens: boolean }): Promise<{ refreshTokens: number; apiTokens: number }> {
    await this.m.query(`UPDATE users SET session_epoch = session_epoch + 1 WHERE id = $1`, [userId]);
    const refresh = await this.m.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    const api = o.apiTokens ? await this.m.update(ApiTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() }) : { affected: 0 };
    return { refreshTokens: refresh.affected ?? 0, apiTokens: api.affected ?? 0 };
  }

  async revokeApiToken(userId: string, id: string): Promise<boolean> {
    const r = await this.m.update(ApiTokenEntity, { id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (r.affected ?? 0) > 0;
  }
}
