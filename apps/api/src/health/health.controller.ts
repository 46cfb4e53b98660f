import { applyDecorators, Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Env } from '@app/config';
import { RedisHealthIndicator } from './redis.health';
import { CalendarHealthIndicator } from './calendar.health';
import { Public } from '../common/current-user';
import { HealthIndicatorResponse, HealthResponse } from './health.response';

// Our schemas instead of terminus' generic ones (swaggerDocumentation: false); still no caching.
const HealthDocs = (up: string) =>
  applyDecorators(
    HealthCheck({ noCache: true, swaggerDocumentation: false }),
    ApiOkResponse({ description: up, schema: { $ref: getSchemaPath(HealthResponse) } }),
    ApiServiceUnavailableResponse({ description: 'A check is down (error and details name it)', schema: { $ref: getSchemaPath(HealthResponse) } }),
  );

@ApiTags('health')
@ApiExtraModels(HealthResponse, HealthIndicatorResponse)
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly env: Env,
    private readonly calendar: CalendarHealthIndicator,
  ) {}

  @Get()
  @HealthDocs('The database and Redis answer (calendar carries missingYear when next year’s working-day calendar is still missing on 1 November)')
  @ApiOperation({ summary: 'Readiness of the API: database and Redis answer; the working-day calendar’s next year is in' })
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 }), () => this.redis.isHealthy(), () => this.calendar.check()]);
  }

  @Get('worker')
  @HealthDocs('At least one worker is alive (details.worker.workers counts them)')
  @ApiOperation({ summary: 'At least one worker process has sent a heartbeat in the last 30 s' })
  worker() {
    return this.health.check([() => this.redis.workersAlive('worker', this.env.QUEUE_PREFIX)]);
  }
}
