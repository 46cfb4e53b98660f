import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NullableAt } from './columns';

/** What a file is evidence for: progress report, submission (申请办结), comment, plan, or the plan's source document. */
export const FILE_ATTACHMENTS = ['progress', 'submission', 'comment', 'plan', 'plan_source'] as const;
export type FileAttachment = (typeof FILE_ATTACHMENTS)[number];

/** A stored file's metadata; its bytes are in the FileStore under storageKey, never in the database. */
@Entity('files')
export class FileEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'storage_key' }) storageKey: string;
  @Column('text') name: string;
  /** The evidence kind (pdf, docx, …) or, for a plan's source document, its import format (txt, html, csv, …). */
  @Column('text') kind: string;
  @Column('text') mime: string;
  // bigint arrives as a string from pg; sizes fit a JS number.
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) size: number;
  @Column('text') sha256: string;
  @Column('uuid', { name: 'uploaded_by', nullable: true }) uploadedBy: string | null;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt: Date;
  @Column('text', { name: 'attached_to', nullable: true }) attachedTo: FileAttachment | null;
  @NullableAt('attached_at') attachedAt: Date | null;
  @Column('uuid', { name: 'task_id', nullable: true }) taskId: string | null;
  @Column('uuid', { name: 'plan_id', nullable: true }) planId: string | null;
  @Column('uuid', { name: 'progress_report_id', nullable: true }) progressReportId: string | null;
  @Column('uuid', { name: 'comment_id', nullable: true }) commentId: string | null;
  @Column('uuid', { name: 'import_id', nullable: true }) importId: string | null;
}
