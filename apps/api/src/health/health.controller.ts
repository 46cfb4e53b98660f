import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Env } from '@app/config';
import { RedisHealthIndicator } from './redis.health';
import { Public } from '../common/current-user';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly env: Env,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness of the API: database and Redis answer' })
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 }), () => this.redis.isHealthy()]);
  }

  @Get('worker')
  @HealthCheck()
  @ApiOperation({ summary: 'At least one worker process has sent a heartbeat in the last 30 s' })
  worker() {
    return this.health.check([() => this.redis.workersAlive('worker', this.env.QUEUE_PREFIX)]);
  }
}
