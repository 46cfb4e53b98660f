import { Column, Entity, VersionColumn } from 'typeorm';
import { CreatedAt, EditableRow, NullableAt, UuidRow } from './columns';

@Entity('tasks')
export class TaskEntity extends EditableRow {
  @Column('uuid', { name: 'plan_id' }) planId: string;
  @Column('text') code: string;
  @Column('text', { name: 'group_name', nullable: true }) groupName: string | null;
  @Column('text', { nullable: true }) section: string | null;
  @Column('text') title: string;
  @Column('text') content: string;
  @Column('text', { nullable: true }) goal: string | null;
  @Column('text', { name: 'deadline_text', nullable: true }) deadlineText: string | null;
  /** The deadline the plan set; appraisal measures against it. */
  @Column('timestamptz', { name: 'original_due_at' }) originalDueAt: Date;
  /** The deadline in force, after approved extensions or an explicit PATCH. */
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('text', { nullable: true }) recurrence: string | null;
  @Column('jsonb') indicators: unknown[];
  @Column('text') status: string;
  @Column('text', { name: 'status_before_suspend', nullable: true }) statusBeforeSuspend: string | null;
  @Column('text', { name: 'status_reason', nullable: true }) statusReason: string | null;
  @Column('int') progress: number;
  @NullableAt('acknowledged_at') acknowledgedAt: Date | null;
  @NullableAt('submitted_at') submittedAt: Date | null;
  @NullableAt('completed_at') completedAt: Date | null;
  @NullableAt('extension_approved_at') extensionApprovedAt: Date | null;
  @NullableAt('last_progress_at') lastProgressAt: Date | null;
}

@Entity('steps')
export class StepEntity extends UuidRow {
  @Column('uuid', { name: 'task_id' }) taskId: string;
  @Column('text') code: string;
  @Column('int') position: number;
  @Column('text') text: string;
  @Column('text', { name: 'deadline_text', nullable: true }) deadlineText: string | null;
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('text') status: 'open' | 'completed';
  @NullableAt('completed_at') completedAt: Date | null;
  @VersionColumn() version: number;
}

export type AssignmentRole = 'lead' | 'responsible' | 'assisting';

@Entity('assignments')
export class AssignmentEntity extends UuidRow {
  @Column('uuid', { name: 'task_id' }) taskId: string;
  @Column('uuid', { name: 'unit_id' }) unitId: string;
  @Column('text') role: AssignmentRole;
  @Column('text') status: string;
  @Column('int') progress: number;
  @NullableAt('acknowledged_at') acknowledgedAt: Date | null;
  @NullableAt('last_progress_at') lastProgressAt: Date | null;
  /** The 承办人 the unit named for its part (分办); null: the whole unit. */
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId: string | null;
  @NullableAt('assigned_at') assignedAt: Date | null;
  /** Assigned without notice (批量指派, 不通知): the unit's reminders due before this instant are never sent. */
  @NullableAt('quiet_before') quietBefore: Date | null;
  @VersionColumn() version: number;
  @CreatedAt() createdAt: Date;
}
