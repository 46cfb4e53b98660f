import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
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

  liveApiToken(tokenHash: string): Promise<ApiTokenEntity | null> {
    return this.m.findOne(ApiTokenEntity, { where: { tokenHash, revokedAt: IsNull() } });
  }

  async touchApiToken(id: string): Promise<void> {
    await this.m.update(ApiTokenEntity, { id }, { lastUsedAt: new Date() });
  }

  insertApiToken(t: Pick<ApiTokenEntity, 'userId' | 'name' | 'tokenHash' | 'scope'>): Promise<ApiTokenEntity> {
    return this.m.save(this.m.create(ApiTokenEntity, t));
  }

  liveApiTokens(userId: string): Promise<ApiTokenEntity[]> {
    return this.m.find(ApiTokenEntity, { where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  async revokeApiToken(userId: string, id: string): Promise<boolean> {
    const r = await this.m.update(ApiTokenEntity, { id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (r.affected ?? 0) > 0;
  }
}
