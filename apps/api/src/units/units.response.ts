import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXAMPLE } from '../common/api-docs';

export class UnitContactResponse {
  @ApiPropertyOptional({ example: '李四' }) name?: string;
  @ApiPropertyOptional({ example: '027-12345678' }) phone?: string;
  @ApiPropertyOptional({ example: 'kjj@example.gov.cn' }) email?: string;
}

export class UnitResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId }) id: string;
  @ApiProperty({ example: 'kjj' }) code: string;
  @ApiProperty({ example: EXAMPLE.unitName }) name: string;
  @ApiProperty({ example: 'department' }) kind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null }) parentId: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) parentName: string | null;
  @ApiProperty({ description: 'units directly below', example: 0 }) childCount: number;
  @ApiProperty({ type: [String], description: 'other names documents use for it', example: ['市科技局', '科技局'] }) aliases: string[];
  @ApiProperty({ description: 'named by an imported document but not yet confirmed into the directory', example: false }) pending: boolean;
  @ApiProperty({ description: 'its staff, not only its heads, may name the 承办人 of its parts (分办)', example: false }) staffMayAssign: boolean;
  @ApiProperty({ type: [UnitContactResponse] }) contacts: UnitContactResponse[];
  @ApiProperty({ description: 'send it back with PATCH / DELETE', example: 1 }) version: number;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.updatedAt }) updatedAt: string;
}

export class UnitWebhookStateResponse {
  @ApiProperty({ enum: ['json', 'wecom', 'dingtalk', 'feishu'], example: 'wecom' }) format: string;
  @ApiProperty({ description: 'the URL is never echoed back (it may carry the robot key)', example: true }) set: true;
}

export class UnitWebhookResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId }) unitId: string;
  @ApiProperty({ type: UnitWebhookStateResponse, nullable: true, description: 'null: removed' }) webhook: UnitWebhookStateResponse | null;
}

export class UnitWebhookTargetResponse {
  @ApiProperty({ enum: ['json', 'wecom', 'dingtalk', 'feishu'], example: 'wecom' }) format: string;
  @ApiProperty({ description: 'only the robot’s host is ever shown (the URL may carry its key)', example: 'qyapi.weixin.qq.com' }) host: string;
}

export class UnitWebhookDetailResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId }) unitId: string;
  @ApiProperty({ type: UnitWebhookTargetResponse, nullable: true, description: 'null: no robot set' }) webhook: UnitWebhookTargetResponse | null;
}

export class UnitWebhookTestResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.unitId }) unitId: string;
  @ApiProperty({ example: 'qyapi.weixin.qq.com' }) host: string;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.updatedAt, description: 'when the robot accepted the test message' }) sentAt: string;
}
