import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

// The bookkeeping columns every table writes the same way (timestamptz, snake_case names), declared once.

/** created_at: set by the database when the row is inserted. */
export const CreatedAt = () => CreateDateColumn({ name: 'created_at', type: 'timestamptz' });

/** updated_at: set by TypeORM on every save of the row. */
export const UpdatedAt = () => UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' });
