import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthIndicatorResponse {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' }) status: 'up' | 'down';
  @ApiPropertyOptional({ description: 'worker check: live worker processes', example: 2 }) workers?: number;
  @ApiPropertyOptional({ description: 'why a check is down; for calendar, what is missing', example: 'connect ECONNREFUSED 127.0.0.1:6379' }) message?: string;
  @ApiPropertyOptional({ description: 'calendar check: the year whose working-day calendar is missing (from 1 November: next year)', example: 2027 }) missingYear?: number;
}

const CHECKS = {
  type: 'object',
  additionalProperties: { $ref: '#/components/schemas/HealthIndicatorResponse' },
} as const;

/** The @nestjs/terminus answer: status, and each check under info (up), error (down) and details (all). */
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'], example: 'ok' }) status: string;
  @ApiPropertyOptional({ ...CHECKS, nullable: true, description: 'checks that are up', example: { database: { status: 'up' }, redis: { status: 'up' } } })
  info?: Record<string, HealthIndicatorResponse>;
  @ApiPropertyOptional({ ...CHECKS, nullable: true, description: 'checks that are down', example: {} })
  error?: Record<string, HealthIndicatorResponse>;
  @ApiProperty({ ...CHECKS, description: 'every check', example: { database: { status: 'up' }, redis: { status: 'up' } } })
  details: Record<string, HealthIndicatorResponse>;
}
