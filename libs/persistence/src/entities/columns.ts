import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

// The columns many tables write the same way (timestamptz, snake_case names), declared once; entities
// inherit them from the abstract rows below (TypeORM's entity inheritance: no table of their own).

/** created_at: set by the database when the row is inserted. */
export const CreatedAt = () => CreateDateColumn({ name: 'created_at', type: 'timestamptz' });

/** updated_at: set by TypeORM on every save of the row. */
export const UpdatedAt = () => UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' });

/** A timestamptz column that may be null: mostly an instant that has not happened yet (acknowledged_at, sent_at, revoked_at). */
export const NullableAt = (name: string) => Column('timestamptz', { name, nullable: true });

/** An append-only log row (audit trail, domain events): a bigint serial key; created_at is the database's default, never written. */
export abstract class LogRow {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false }) createdAt: Date;
}

/** A row keyed by a uuid the database generates (every table but the logs, the files and the link tables). */
export abstract class UuidRow {
  @PrimaryGeneratedColumn('uuid') id: string;
}

/**
 * The rows people edit in forms (plans, items, units, users): an optimistic-locking version (a stale
 * one is a 409) and when the row was made and last changed. Their entities extend this.
 */
export abstract class EditableRow extends UuidRow {
  @VersionColumn() version: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

/** An entry in an item's history (progress report, extension request, review, comment): whose item, and when. */
export abstract class ItemRecord extends UuidRow {
  @Column('uuid', { name: 'task_id' }) taskId: string;
  @CreatedAt() createdAt: Date;
}

/** A file read and shown for correction first (a plan, an organisation directory), applied on commit. */
export abstract class PreviewedImport<Status extends string> extends UuidRow {
  @Column('text') status: Status;
  @Column('text', { name: 'file_name' }) fileName: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @CreatedAt() createdAt: Date;
  @NullableAt('committed_at') committedAt: Date | null;
}
