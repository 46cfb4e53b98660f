import { Column, Entity } from 'typeorm';
import { CreatedAt, NullableAt, UpdatedAt, UuidRow } from './columns';

export type ReminderState = 'pending' | 'enqueued' | 'sending' | 'sent' | 'cancelled' | 'failed';

@Entity('reminders')
export class ReminderEntity extends UuidRow {
  /** Deterministic schedule key from libs/domain; recomputation diffs on it. */
  @Column('text') key: string;
  @Column('uuid', { name: 'task_id' }) taskId: string;
  @Column('uuid', { name: 'step_id', nullable: true }) stepId: string | null;
  @Column('uuid', { name: 'unit_id', nullable: true }) unitId: string | null;
  @Column('text') kind: string;
  @Column('text') audience: string;
  @Column('text') reason: string;
  @Column('text', { name: 'notice_level' }) noticeLevel: string;
  @Column('text', { array: true }) channels: string[];
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('text') state: ReminderState;
  @Column('int') attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('boolean') late: boolean;
  @NullableAt('sent_at') sentAt: Date | null;
  /** While sending: the lease; a worker that dies leaves it to expire and the sweep takes it back. */
  @NullableAt('claimed_until') claimedUntil: Date | null;
  @Column('int') recipients: number;
  /** The supervisor's words of a 催办 by hand (reason manual); null for planned reminders. */
  @Column('text', { nullable: true }) note: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}

@Entity('notifications')
export class NotificationEntity extends UuidRow {
  @Column('uuid', { name: 'reminder_id', nullable: true }) reminderId: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('uuid', { name: 'unit_id', nullable: true }) unitId: string | null;
  @Column('uuid', { name: 'task_id', nullable: true }) taskId: string | null;
  @Column('text') channel: string;
  @Column('text') recipient: string;
  @Column('text') subject: string;
  @Column('text') body: string;
  @Column('text', { name: 'notice_level', nullable: true }) noticeLevel: string | null;
  @NullableAt('read_at') readAt: Date | null;
  @CreatedAt() createdAt: Date;
}
