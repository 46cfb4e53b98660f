import { ApiProperty } from '@nestjs/swagger';
import { AUDIENCES, CHANNELS, REMINDER_KINDS } from '@app/domain';
import { EXAMPLE } from '../common/api-docs';
import { ProgressCycleDoc, ReminderPolicyDoc } from './reminder-policy.dto';

const REMINDER_STATES = ['pending', 'enqueued', 'sending', 'sent', 'cancelled', 'failed'] as const;
const NOTICE_LEVELS = ['blue', 'yellow', 'red'] as const;

export class ReminderPolicyResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.planId }) planId: string;
  @ApiProperty({ description: 'the plan version: send it back with PUT', example: 2 }) version: number;
  @ApiProperty({ description: 'true: the plan has no policy of its own and uses the global default', example: true }) isDefault: boolean;
  @ApiProperty({ type: ReminderPolicyDoc, description: 'the policy in force' }) policy: ReminderPolicyDoc;
  @ApiProperty({ type: ProgressCycleDoc, nullable: true, description: 'the progress-report cycle; null: none required' }) progressCycle: ProgressCycleDoc | null;
}

export class ReminderPolicySavedResponse extends ReminderPolicyResponse {
  @ApiProperty({ description: 'open items whose reminders were rescheduled', example: 38 }) rescheduledTasks: number;
}

export class ReminderScheduleEntryResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.reminderId }) id: string;
  @ApiProperty({ enum: REMINDER_KINDS, description: 'remind (提醒), urge (催办) or escalate (督办)', example: 'remind' }) kind: string;
  @ApiProperty({ enum: AUDIENCES, example: 'responsible' }) audience: string;
  @ApiProperty({ enum: ['deadline', 'acknowledgement', 'progress_cycle'], description: 'what it reminds of', example: 'deadline' }) reason: string;
  @ApiProperty({ enum: NOTICE_LEVELS, description: 'notice colour (蓝/黄/红)', example: 'blue' }) noticeLevel: string;
  @ApiProperty({ enum: CHANNELS, isArray: true, example: ['email', 'inbox'] }) channels: string[];
  @ApiProperty({ format: 'date-time', example: '2027-06-23T01:00:00.000Z' }) dueAt: string;
  @ApiProperty({ enum: REMINDER_STATES, example: 'pending' }) state: string;
  @ApiProperty({ description: 'delivery attempts so far', example: 0 }) attempts: number;
  @ApiProperty({ type: String, nullable: true, example: null }) lastError: string | null;
  @ApiProperty({ description: 'planned after its moment had passed (sent at once)', example: false }) late: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) sentAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'a step (具体工作内容) reminder', example: null }) stepId: string | null;
  @ApiProperty({ type: String, nullable: true, example: EXAMPLE.unitName }) unitName: string | null;
}

export class ReminderDeliveryResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: EXAMPLE.reminderId }) reminderId: string | null;
  @ApiProperty({ enum: [...CHANNELS, 'alert'], example: 'email' }) channel: string;
  @ApiProperty({ description: 'address, user or webhook the message went to', example: 'zhangsan@example.gov.cn' }) recipient: string;
  @ApiProperty({ type: String, nullable: true, example: '张三' }) userName: string | null;
  @ApiProperty({ example: '【督办提醒】培育高新技术企业 将于7天后到期' }) subject: string;
  @ApiProperty({ format: 'date-time', example: '2027-06-23T01:00:04.000Z' }) sentAt: string;
}

export class TaskRemindersResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) taskId: string;
  @ApiProperty({ type: [ReminderScheduleEntryResponse], description: 'planned and sent reminders, by due time' }) schedule: ReminderScheduleEntryResponse[];
  @ApiProperty({ type: [ReminderDeliveryResponse], description: 'every message sent for the item, oldest first' }) deliveries: ReminderDeliveryResponse[];
}

export class FailedReminderResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.reminderId }) id: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) taskId: string;
  @ApiProperty({ example: '12' }) taskCode: string;
  @ApiProperty({ example: EXAMPLE.taskTitle }) taskTitle: string;
  @ApiProperty({ enum: REMINDER_KINDS, example: 'urge' }) kind: string;
  @ApiProperty({ enum: AUDIENCES, example: 'unit_head' }) audience: string;
  @ApiProperty({ type: String, nullable: true, example: EXAMPLE.unitName }) unitName: string | null;
  @ApiProperty({ format: 'date-time', example: '2027-07-01T01:00:00.000Z' }) dueAt: string;
  @ApiProperty({ example: 5 }) attempts: number;
  @ApiProperty({ type: String, nullable: true, example: 'SMTP 550 mailbox unavailable' }) lastError: string | null;
  @ApiProperty({ format: 'date-time', example: '2027-07-01T01:35:12.000Z' }) failedAt: string;
}

export class ReminderRetryResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.reminderId }) id: string;
  @ApiProperty({ enum: ['pending'], description: 'queued again', example: 'pending' }) state: 'pending';
}
