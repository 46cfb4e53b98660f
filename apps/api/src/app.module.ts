import { Module } from '@nestjs/common';
import { AppConfigModule, AppLoggerModule } from '@app/config';
import { DatabaseModule } from '@app/persistence';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { RedisModule } from './redis/redis.module';

@Module({
  imports: [AppConfigModule, AppLoggerModule, DatabaseModule, RedisModule, HealthModule, AuthModule],
})
export class AppModule {}
