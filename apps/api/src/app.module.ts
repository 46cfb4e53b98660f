import { Module } from '@nestjs/common';
import { AppConfigModule, AppLoggerModule } from '@app/config';
import { DatabaseModule } from '@app/persistence';
import { HealthModule } from './health/health.module';
import { RedisModule } from './redis/redis.module';

@Module({
  imports: [AppConfigModule, AppLoggerModule, DatabaseModule, RedisModule, HealthModule],
})
export class AppModule {}
