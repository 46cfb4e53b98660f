import { ApiProperty } from '@nestjs/swagger';

/** Documentation shapes; the body itself is checked by the domain's validatePolicy (one set of rules). */
export class PolicyStepDoc {
  @ApiProperty({ example: '-P7D', description: 'ISO-8601 duration relative to the deadline; negative = before' })
  offset: string;
  @ApiProperty({ enum: ['remind', 'urge', 'escalate'], description: 'remind (提醒, blue), urge (催办, yellow), escalate (督办, red)', example: 'remind' })
  kind: string;
  @ApiProperty({ enum: ['responsible', 'lead', 'unit_head', 'supervisor', 'leader'], description: 'who receives it', example: 'responsible' })
  audience: string;
  @ApiProperty({ example: ['email', 'inbox'], enum: ['email', 'inbox', 'webhook'], isArray: true })
  channels: string[];
}

export class ReminderPolicyDoc {
  @ApiProperty({ type: [PolicyStepDoc], description: 'when reminders go out, relative to each deadline' })
  steps: PolicyStepDoc[];
  @ApiProperty({ required: false, nullable: true, description: 'no messages between start and end (Asia/Shanghai)', example: { start: '22:00', end: '07:00' } })
  quietHours?: { start: string; end: string } | null;
}

export class ProgressCycleDoc {
  @ApiProperty({ enum: ['weekly', 'monthly', 'quarterly'], example: 'monthly' })
  kind: string;
  @ApiProperty({ required: false, description: 'weekly: 1 (Monday) – 7', example: 1 })
  weekday?: number;
  @ApiProperty({ required: false, description: 'monthly: day of month 1–31 (last day if shorter)', example: 25 })
  day?: number;
}
