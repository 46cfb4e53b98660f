import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import { CreatedAt, ItemRecord, LogRow, NullableAt, PreviewedImport } from './columns';

@Entity('progress_reports')
export class ProgressReportEntity extends ItemRecord {
  @Column('uuid', { name: 'unit_id', nullable: true }) unitId: string | null;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId: string | null;
  @Column('int') percent: number;
  @Column('text') note: string;
  @Column('text', { array: true }) evidence: string[];
  @Column('jsonb', { name: 'indicator_values' }) indicatorValues: { name: string; value: number }[];
}

@Entity('extension_requests')
export class ExtensionRequestEntity extends ItemRecord {
  @Column('uuid', { name: 'unit_id', nullable: true }) unitId: string | null;
  @Column('uuid', { name: 'requested_by', nullable: true }) requestedBy: string | null;
  @Column('timestamptz', { name: 'requested_due_at' }) requestedDueAt: Date;
  @Column('text') reason: string;
  @Column('text') status: 'pending' | 'approved' | 'rejected';
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @NullableAt('decided_at') decidedAt: Date | null;
  @Column('text', { name: 'decision_reason', nullable: true }) decisionReason: string | null;
  @VersionColumn() version: number;
}

@Entity('reviews')
export class ReviewEntity extends ItemRecord {
  @Column('uuid', { name: 'reviewer_id', nullable: true }) reviewerId: string | null;
  @Column('text') decision: 'approve' | 'return';
  @Column('text', { nullable: true }) reason: string | null;
  @Column('boolean', { name: 'override_open_steps' }) overrideOpenSteps: boolean;
}

@Entity('comments')
export class CommentEntity extends ItemRecord {
  @Column('uuid', { name: 'author_id', nullable: true }) authorId: string | null;
  @Column('text') body: string;
}

@Entity('audit_events')
export class AuditEventEntity extends LogRow {
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_name', nullable: true }) actorName: string | null;
  @Column('text') action: string;
  @Column('text', { name: 'entity_type' }) entityType: string;
  @Column('text', { name: 'entity_id' }) entityId: string;
  @Column('uuid', { name: 'task_id', nullable: true }) taskId: string | null;
  @Column('jsonb', { nullable: true }) before: unknown;
  @Column('jsonb', { nullable: true }) after: unknown;
}

@Entity('domain_events')
export class DomainEventEntity extends LogRow {
  @Column('text') type: string;
  @Column('uuid', { name: 'task_id', nullable: true }) taskId: string | null;
  @Column('jsonb') payload: Record<string, unknown>;
  @NullableAt('processed_at') processedAt: Date | null;
}

@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @PrimaryColumn('text') key: string;
  @Column('text', { name: 'request_hash' }) requestHash: string;
  @Column('int') status: number;
  @Column('jsonb', { nullable: true }) body: unknown;
  @CreatedAt() createdAt: Date;
}

export interface OcrProgress {
  pagesDone: number;
  pagesTotal: number;
  error: string | null;
}

/** A plan document's import; status ocr_pending: a scan queued for (or in) OCR; ocr_failed: OCR gave up (`ocr.error` says why). */
@Entity('imports')
export class ImportEntity extends PreviewedImport<'previewed' | 'committed' | 'unchanged' | 'ocr_pending' | 'ocr_failed'> {
  @Column('text', { name: 'content_hash' }) contentHash: string;
  /** Null only while a scan waits for OCR. */
  @Column('jsonb', { nullable: true }) parsed: unknown;
  /** A scan's OCR job: pages done of the pages to read, and the reason it failed. */
  @Column('jsonb', { nullable: true }) ocr: OcrProgress | null;
  @Column('jsonb', { nullable: true }) diff: unknown;
  @Column('uuid', { name: 'plan_id', nullable: true }) planId: string | null;
  /** The plan as corrected by hand (null: as read); `parsed` keeps the document as read. */
  @Column('jsonb', { nullable: true }) draft: unknown;
  @Column('jsonb') corrections: unknown[];
  @Column('jsonb', { name: 'unit_mappings' }) unitMappings: Record<string, unknown>;
  @Column('int') version: number;
}
