import { CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

// The bookkeeping columns every table writes the same way (timestamptz, snake_case names), declared once.

/** created_at: set by the database when the row is inserted. */
export const CreatedAt = () => CreateDateColumn({ name: 'created_at', type: 'timestamptz' });

/** updated_at: set by TypeORM on every save of the row. */
export const UpdatedAt = () => UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' });

/**
 * The rows people edit in forms (plans, items, units, users): an optimistic-locking version (a stale
 * one is a 409) and when the row was made and last changed. Their entities extend this.
 */
export abstract class EditableRow {
  @VersionColumn() version: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
