import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';
import { updateVersioned, VersionedPatch } from './versioned';
import { AuditEventEntity, CommentEntity, ExtensionRequestEntity, ReviewEntity, UserEntity } from '../entities';

export interface CommentView {
  id: string;
  taskId: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

/** Extension requests (延期申请), reviews (办结/退回), comments and the audit history of items. */
@Injectable()
export class TaskActivityRepository extends RepositoryBase {
  insertExtension(e: Pick<ExtensionRequestEntity, 'taskId' | 'unitId' | 'requestedBy' | 'requestedDueAt' | 'reason'>) {
    return this.m.save(this.m.create(ExtensionRequestEntity, { ...e, status: 'pending', decidedBy: null, decidedAt: null, decisionReason: null }));
  }

  findExtension(id: string) {
    return this.m.findOne(ExtensionRequestEntity, { where: { id } });
  }

  pendingExtension(taskId: string) {
    return this.m.findOne(ExtensionRequestEntity, { where: { taskId, status: 'pending' } });
  }

  extensions(taskId: string) {
    return this.m.find(ExtensionRequestEntity, { where: { taskId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  updateExtension(id: string, version: number, patch: VersionedPatch<ExtensionRequestEntity>): Promise<ExtensionRequestEntity> {
    return updateVersioned(this.m, ExtensionRequestEntity, 'extension request', id, version, patch);
  }

  insertReview(r: Pick<ReviewEntity, 'taskId' | 'reviewerId' | 'decision' | 'reason' | 'overrideOpenSteps'>) {
    return this.m.save(this.m.create(ReviewEntity, r));
  }

  async insertComment(c: Pick<CommentEntity, 'taskId' | 'authorId' | 'body'>): Promise<CommentEntity> {
    return this.m.save(this.m.create(CommentEntity, c));
  }

  async comments(taskId: string, offset: number, limit: number): Promise<{ rows: CommentView[]; total: number }> {
    const [entities, total] = await this.m.findAndCount(CommentEntity, {
      where: { taskId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
    const authorIds = [...new Set(entities.map((c) => c.authorId).filter((id): id is string => !!id))];
    const authors = authorIds.length ? await this.m.findByIds(UserEntity, authorIds) : [];
    const names = new Map(authors.map((u) => [u.id, u.displayName]));
    return {
      total,
      rows: entities.map((c) => ({ ...c, authorName: c.authorId ? (names.get(c.authorId) ?? null) : null })),
    };
  }

  /** The audit trail of one item, oldest first (ids are monotonic within the database). */
  async history(taskId: string, offset: number, limit: number): Promise<{ rows: AuditEventEntity[]; total: number }> {
    const [rows, total] = await this.m.findAndCount(AuditEventEntity, {
      where: { taskId },
      order: { id: 'ASC' },
      skip: offset,
      take: limit,
    });
    return { rows, total };
  }
}
