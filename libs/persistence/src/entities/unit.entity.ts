import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('units')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text') kind: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  @Column('text', { array: true }) aliases: string[];
  /** Named by a document but not (yet) in the directory. */
  @Column('boolean') pending: boolean;
  @Column('jsonb') contacts: { name?: string; phone?: string; email?: string }[];
  @Column('jsonb', { nullable: true }) webhook: { url: string; format: string } | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('unit_groups')
export class UnitGroupEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { array: true }) aliases: string[];
  @Column('uuid', { name: 'member_ids', array: true }) memberIds: string[];
}
