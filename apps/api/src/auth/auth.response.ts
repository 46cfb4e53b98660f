import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@app/domain';
import { EXAMPLE } from '../common/api-docs';
import type { AuthUser } from '../common/current-user';

export class MeResponse implements AuthUser {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.userId }) id: string;
  @ApiProperty({ example: 'kjj_staff' }) username: string;
  @ApiProperty({ example: '张三' }) displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['staff'] }) roles: AuthUser['roles'];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the unit the user works for', example: EXAMPLE.unitId }) unitId: string | null;
  @ApiProperty({ enum: ['full', 'read'], description: 'read: called with a read-only personal API token (GET only)', example: 'full' }) scope: 'full' | 'read';
}

export class ApiTokenResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.tokenId }) id: string;
  @ApiProperty({ example: 'weekly report export' }) name: string;
  @ApiProperty({ enum: ['read'], example: 'read' }) scope: string;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.createdAt }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: EXAMPLE.updatedAt }) lastUsedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: until revoked', example: null }) expiresAt: Date | null;
}

export class CreatedApiTokenResponse {
  @ApiProperty({ format: 'uuid', example: EXAMPLE.tokenId }) id: string;
  @ApiProperty({ example: 'weekly report export' }) name: string;
  @ApiProperty({ enum: ['read'], example: 'read' }) scope: string;
  @ApiProperty({ description: 'the secret: shown this once, send it as a Bearer token', example: 'dbn_9fQm2xL7cV4tR8wZ1yK6pH3sD5aJ0bN' }) token: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: until revoked', example: null }) expiresAt: Date | null;
  @ApiProperty({ format: 'date-time', example: EXAMPLE.createdAt }) createdAt: Date;
}

export class SessionTokenResponse {
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer …`; keep it in memory only', example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhMWIyYzNkNCJ9.sig' })
  accessToken: string;

  @ApiProperty({ description: 'seconds until the access token expires: refresh a little before', example: 900 })
  expiresIn: number;

  @ApiProperty({ type: MeResponse, description: 'the logged-in user (what GET /me answers), so the page needs no second call' })
  user: MeResponse;
}
