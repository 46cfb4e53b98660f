import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';
import { IdempotencyKeyEntity } from '../entities';

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'mismatch' };

/**
 * Idempotency-Key bookkeeping inside the caller's transaction. The key row is inserted first,
 * so a concurrent request with the same key waits on the unique index until this transaction
 * ends; if it rolls back, the key is free again (only successes are replayed).
 */
@Injectable()
export class IdempotencyRepository extends RepositoryBase {
  async claim(userId: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const inserted: unknown[] = await this.m.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, status, body) VALUES ($1, $2, $3, 0, NULL)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, requestHash],
    );
    if (inserted.length > 0) return { kind: 'claimed' };
    const row = await this.m.findOne(IdempotencyKeyEntity, { where: { userId, key } });
    if (!row || row.requestHash !== requestHash) return { kind: 'mismatch' };
    return { kind: 'replay', status: row.status, body: row.body };
  }

  async complete(userId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.m.update(IdempotencyKeyEntity, { userId, key }, { status, body: body as object });
  }
}
