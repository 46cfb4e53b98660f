import { createHash } from 'node:crypto';
import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IdempotencyRepository } from '@app/persistence';

export interface IdempotencyRequest {
  userId: string;
  /** The Idempotency-Key header; undefined runs the work once, plainly. */
  key: string | undefined;
  /** What makes two requests "the same": route and body. */
  fingerprint: unknown;
}

export interface Outcome<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs a change in one transaction. With an Idempotency-Key, the first success is stored in the
 * same transaction and replayed for a retry; the same key with another body is a 422.
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  async idempotent<T>(req: IdempotencyRequest, status: number, work: (m: EntityManager) => Promise<T>): Promise<Outcome<T>> {
    const key = req.key;
    if (key === undefined) return { status, body: await this.ds.transaction(work), replayed: false };
    const hash = createHash('sha256').update(JSON.stringify(req.fingerprint)).digest('hex');
    return this.ds.transaction(async (m) => {
      const keys = new IdempotencyRepository(m);
      const claim = await keys.claim(req.userId, key, hash);
      if (claim.kind === 'mismatch') {
        throw new UnprocessableEntityException('this Idempotency-Key was already used for a different request');
      }
      if (claim.kind === 'replay') return { status: claim.status, body: claim.body as T, replayed: true };
      const body = await work(m);
      await keys.complete(req.userId, key, status, body);
      return { status, body, replayed: false };
    });
  }
}

/** The Idempotency-Key header, checked: 1–200 visible characters. */
export function idempotencyKey(header: unknown): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new BadRequestException('Idempotency-Key must be 1–200 visible ASCII characters');
  }
  return header;
}
