import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE } from '../common/api-docs';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.notificationId }) id: string;
  @ApiProperty({ enum: ['inbox', 'alert'], description: 'inbox: a reminder; alert: a delivery problem to know about', example: 'inbox' }) channel: string;
  @ApiProperty({ example: '【督办提醒】培育高新技术企业 将于7天后到期' }) subject: string;
  @ApiProperty({ example: '责任事项“培育高新技术企业”（武汉市2025年科技创新工作要点 第12项）将于2027年6月30日到期，请及时报送进展。' }) body: string;
  @ApiProperty({ type: String, enum: ['blue', 'yellow', 'red'], nullable: true, description: 'notice colour (蓝色提醒/黄色催办/红色督办)', example: 'blue' }) noticeLevel: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: EXAMPLE.taskId }) taskId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: unread', example: null }) readAt: string | null;
  @ApiProperty({ format: 'date-time', example: '2027-06-23T01:00:04.000Z' }) createdAt: string;
}

export class MarkedReadResponse {
  @ApiProperty({ description: 'notifications newly marked read', example: 4 }) marked: number;
}

export class PreferencesResponse {
  @ApiProperty({ description: 'one morning digest mail instead of a mail per reminder', example: false }) dailyDigest: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'where reminder mails go (set by an admin)', example: 'zhangsan@example.gov.cn' }) email: string | null;
}

export class AckLinkItemResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.taskId }) taskId: string;
  @ApiProperty({ example: '12' }) code: string;
  @ApiProperty({ example: EXAMPLE.taskTitle }) title: string;
  @ApiProperty({ example: EXAMPLE.planTitle }) planTitle: string;
  @ApiProperty({ format: 'date-time', description: 'the deadline in force', example: EXAMPLE.dueAt }) dueAt: string;
  @ApiProperty({ description: 'the item’s status', example: 'assigned' }) taskStatus: string;
  @ApiProperty({ description: 'the unit the link acknowledges for', example: EXAMPLE.unitName }) unitName: string;
  @ApiProperty({ enum: ['lead', 'responsible', 'assisting'], description: 'the unit’s role on the item', example: 'lead' }) role: string;
  @ApiProperty({ enum: ['assigned', 'acknowledged', 'in_progress', 'submitted'], description: 'the unit’s part; assigned = not yet acknowledged', example: 'assigned' }) partStatus: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) acknowledgedAt: string | null;
  @ApiProperty({ description: 'the person the link was sent to', example: '张三' }) recipientName: string;
}

export class AckLinkResultResponse extends AckLinkItemResponse {
  @ApiProperty({ description: 'true: the unit had already acknowledged, nothing changed', example: false }) alreadyAcknowledged: boolean;
}
