import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EditableRow, UuidRow } from './columns';

@Entity('plans')
export class PlanEntity extends EditableRow {
  @Column('text') title: string;
  @Column('text', { nullable: true }) issuer: string | null;
  @Column('int') year: number;
  @Column('date', { name: 'published_at', nullable: true }) publishedAt: string | null;
  @Column('text', { name: 'doc_number', nullable: true }) docNumber: string | null;
  @Column('date', { name: 'period_start' }) periodStart: string;
  @Column('date', { name: 'period_end' }) periodEnd: string;
  @Column('text', { name: 'content_hash' }) contentHash: string;
  @Column('text', { name: 'source_file_name', nullable: true }) sourceFileName: string | null;
  @Column('jsonb', { name: 'reminder_policy', nullable: true }) reminderPolicy: unknown | null;
  @Column('jsonb', { name: 'progress_cycle', nullable: true }) progressCycle: unknown | null;
  /** 'document' (imported) or a 立项 source entered by hand (PLAN_SOURCE_TYPES in libs/domain). */
  @Column('text', { name: 'source_type' }) sourceType: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
}

@Entity('plan_supervisors')
export class PlanSupervisorEntity {
  @PrimaryColumn('uuid', { name: 'plan_id' }) planId: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
}

@Entity('plan_targets')
export class PlanTargetEntity extends UuidRow {
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('text') code: string;
  @Column('text') text: string;
  @Column('jsonb') indicators: unknown[];
}
