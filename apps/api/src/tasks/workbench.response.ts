import { ApiProperty } from '@nestjs/swagger';
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES, TASK_STATUSES, TRAFFIC_LIGHTS } from '@app/domain';

import { EXAMPLE } from '../common/api-docs';

export class WorkbenchPersonResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.userId }) id: string;
  @ApiProperty({ example: '张三' }) name: string;
}

class CountdownFields {
  @ApiProperty({ description: 'derived: the deadline passed and the item is not done', example: false }) overdue: boolean;
  @ApiProperty({ description: 'calendar days past the deadline’s date (Asia/Shanghai); 0 when not overdue', example: 0 }) daysOverdue: number;
  @ApiProperty({ description: 'working days from today to the deadline’s date on the Chinese working-day calendar (0: due today; negative: passed)', example: 2 })
  workdaysLeft: number;
}

export class WorkbenchItemResponse extends CountdownFields {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) id: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.planId }) planId: string;
  @ApiProperty({ example: EXAMPLE.planTitle }) planTitle: string;
  @ApiProperty({ example: '12' }) code: string;
  @ApiProperty({ example: EXAMPLE.taskTitle }) title: string;
  @ApiProperty({ enum: TASK_STATUSES, description: 'the item’s status', example: 'in_progress' }) status: string;
  @ApiProperty({ description: 'the item’s percent (the lead unit’s latest report)', example: 60 }) progress: number;
  @ApiProperty({ format: 'date-time', description: 'the deadline in force', example: EXAMPLE.dueAt }) dueAt: string;
  @ApiProperty({ enum: TRAFFIC_LIGHTS, description: 'the item’s traffic light', example: 'yellow' }) light: string;
  @ApiProperty({ type: [String], description: 'names of the lead units', example: [EXAMPLE.unitName] }) leadUnits: string[];
  @ApiProperty({ description: 'the item’s version, for 签收 and other changes', example: 3 }) version: number;
  @ApiProperty({ enum: ASSIGNMENT_ROLES, description: 'the caller’s unit’s role: lead (牵头), responsible (责任), assisting (配合)', example: 'lead' }) role: string;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES, description: 'the caller’s unit’s own part (assigned = not yet acknowledged)', example: 'in_progress' }) partStatus: string;
  @ApiProperty({ description: 'the caller’s unit’s latest reported percent', example: 60 }) partProgress: number;
  @ApiProperty({ type: WorkbenchPersonResponse, nullable: true, description: 'who last reported progress for the caller’s unit (taken as its 承办人)' })
  reporter: WorkbenchPersonResponse | null;
  @ApiProperty({ type: WorkbenchPersonResponse, nullable: true, description: 'the 承办人 the unit named for its part (分办); null: the whole unit' })
  assignee: WorkbenchPersonResponse | null;
  @ApiProperty({ description: 'the caller is the named 承办人 of the unit’s part (分给我)', example: true }) assignedToMe: boolean;
  @ApiProperty({ description: 'an extension request waits for a decision', example: false }) extensionPending: boolean;
}

export class WorkbenchCountsResponse {
  @ApiProperty({ description: '待签收: the unit has not acknowledged its part', example: 2 }) to_acknowledge: number;
  @ApiProperty({ description: '办理中: acknowledged and being worked on', example: 14 }) in_progress: number;
  @ApiProperty({ description: '被退回: returned by the supervisor', example: 1 }) returned: number;
  @ApiProperty({ description: '临期: yellow light', example: 3 }) due_soon: number;
  @ApiProperty({ description: '超期: overdue', example: 1 }) overdue: number;
  @ApiProperty({ description: '分给我: open items whose unit part names the caller as 承办人', example: 4 }) mine: number;
  @ApiProperty({ description: 'every item the unit has any role on', example: 40 }) all: number;
}

export class DeadlineResponse extends CountdownFields {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) id: string;
  @ApiProperty({ format: 'date-time', description: 'the deadline in force', example: EXAMPLE.dueAt }) dueAt: string;
  @ApiProperty({ format: 'date-time', description: 'the deadline of the document', example: EXAMPLE.dueAt }) originalDueAt: string;
}

