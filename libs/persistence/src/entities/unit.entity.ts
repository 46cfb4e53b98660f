import { Column, Entity, VersionColumn } from 'typeorm';
import { CreatedAt, EditableRow, PreviewedImport, UuidRow } from './columns';

@Entity('units')
export class UnitEntity extends EditableRow {
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text') kind: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  @Column('text', { array: true }) aliases: string[];
  /** Named by a document but not (yet) in the directory. */
  @Column('boolean') pending: boolean;
  @Column('jsonb') contacts: { name?: string; phone?: string; email?: string }[];
  @Column('jsonb', { nullable: true }) webhook: { url: string; format: string } | null;
  /** Staff (not only unit heads) may name the 承办人 of the unit's parts (分办). */
  @Column('boolean', { name: 'staff_may_assign' }) staffMayAssign: boolean;
}

@Entity('unit_groups')
export class UnitGroupEntity extends UuidRow {
  @Column('text') name: string;
  @Column('text', { array: true }) aliases: string[];
  @Column('uuid', { name: 'member_ids', array: true }) memberIds: string[];
  @VersionColumn() version: number;
}

/** A name a supervisor mapped onto a unit while correcting an import; `scope` '' = any document. */
@Entity('unit_aliases')
export class UnitAliasEntity extends UuidRow {
  @Column('uuid', { name: 'unit_id' }) unitId: string;
  @Column('text') alias: string;
  /** The normalised issuer of the documents the alias holds for (a relative name such as 区发改局). */
  @Column('text') scope: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @CreatedAt() createdAt: Date;
}

/** A previewed organisation-directory file: its rows as read, applied on commit. */
@Entity('directory_imports')
export class DirectoryImportEntity extends PreviewedImport<'previewed' | 'committed'> {
  @Column('jsonb') rows: unknown;
}
