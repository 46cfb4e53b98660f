import { createHash } from 'node:crypto';
import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyRepository, UnitOfWork } from '@app/persistence';

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
 * Runs a creating command so a retry is safe: with an Idempotency-Key, the first success is stored
 * in the command's own unit of work and replayed for a retry; the same key with another body is a 422.
 */
@Injectable()
export class Idempotency {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly keys: IdempotencyRepository,
  ) {}

  async run<T>(req: IdempotencyRequest, status: number, work: () => Promise<T>): Promise<Outcome<T>> {
    const key = req.key;
    if (key === undefined) return { status, body: await this.uow.run(work), replayed: false };
    const hash = createHash('sha256').update(JSON.stringify(req.fingerprint)).digest('hex');
    return this.uow.run(async () => {
      const claim = await this.keys.claim(req.userId, key, hash);
      if (claim.kind === 'mismatch') {
        throw new UnprocessableEntityException('this Idempotency-Key was already used for a different request');
      }
      if (claim.kind === 'replay') return { status: claim.status, body: claim.body as T, replayed: true };
      const body = await work();
      await this.keys.complete(req.userId, key, status, body);
      return { status, body, replayed: false };
    });
  }

  /**
   * A creating handler's answer: `work` once per Idempotency-Key (the raw header, checked here), a retry
   * answered with the first body. The status is always 201, the one every first answer is stored with,
   * so the handler keeps Nest's default for POST and needs no response object.
   */
  async created<T>(userId: string, header: unknown, fingerprint: unknown, work: () => Promise<T>): Promise<T> {
    return (await this.run({ userId, key: idempotencyKey(header), fingerprint }, 201, work)).body;
  }
}

/** Documents the optional Idempotency-Key header of a handler answering through `Idempotency.created`. */
export const ApiIdempotencyKey = () =>
  ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry-safe creation: a replay returns the first answer' });

/** The Idempotency-Key header, checked: 1–200 visible characters. */
export function idempotencyKey(header: unknown): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new BadRequestException('Idempotency-Key must be 1–200 visible ASCII characters');
  }
  return header;
}
