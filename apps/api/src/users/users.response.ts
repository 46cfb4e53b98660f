import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@app/domain';
import { EXAMPLE } from '../common/api-docs';

export class UserResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.userId }) id: string;
  @ApiProperty({ example: 'kjj_staff' }) username: string;
  @ApiProperty({ example: '张三' }) displayName: string;
  @ApiProperty({ type: String, nullable: true, example: 'zhangsan@example.gov.cn' }) email: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'phone (from the office directory)', example: '13800000001' }) phone: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: EXAMPLE.unitId }) unitId: string | null;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['staff'] }) roles: string[];
  @ApiProperty({ description: 'false: deactivated, cannot log in', example: true }) active: boolean;
  @ApiProperty({ description: 'one morning digest mail instead of a mail per reminder', example: false }) dailyDigest: boolean;
  @ApiProperty({ description: 'send it back with PATCH', example: 1 }) version: number;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.createdAt }) createdAt: string;
}

export class RevokedSessionsResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.userId }) userId: string;
  @ApiProperty({ description: 'refresh tokens (logins) revoked', example: 3 }) refreshTokens: number;
  @ApiProperty({ description: 'personal API tokens revoked', example: 1 }) apiTokens: number;
}
