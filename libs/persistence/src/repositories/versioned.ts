import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** The row changed since the caller read it (optimistic concurrency). */
export class StaleVersionError extends Error {
  override readonly name = 'StaleVersionError';
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`${entity} ${id} was changed by someone else: you sent version ${expectedVersion}, the current version is ${currentVersion}; reload and retry`);
  }
}

export class RowNotFoundError extends Error {
  override readonly name = 'RowNotFoundError';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
  }
}

/** Column values, or a raw SQL expression such as () => 'version + 1'. */
export type VersionedPatch<T> = { [K in keyof T]?: T[K] | (() => string) };

/**
 * UPDATE … SET …, version = version + 1 WHERE id = :id AND version = :version, in the caller's
 * transaction: the check and the write are one statement, so two writers cannot both pass.
 * With version null the row is updated unconditionally (still bumping the version).
 */
export async function updateVersioned<T extends ObjectLiteral & { id: string; version: number }>(
  m: EntityManager,
  target: EntityTarget<T>,
  label: string,
  id: string,
  version: number | null,
  patch: VersionedPatch<T>,
): Promise<T> {
  const qb = m
    .createQueryBuilder()
    .update(target)
    // TypeORM appends "version = version + 1" (and updated_at) for entities with those columns.
    .set(patch as QueryDeepPartialEntity<T>)
    .where('id = :id', { id });
  if (version !== null) qb.andWhere('version = :version', { version });
  const result = await qb.execute();
  const row = await m.findOne(target, { where: { id } as never });
  if (!row) throw new RowNotFoundError(label, id);
  if (!result.affected) throw new StaleVersionError(label, id, version ?? -1, row.version);
  return row;
}
