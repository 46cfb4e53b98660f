import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { Env } from '@app/config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AdminBootstrap } from './admin-bootstrap.service';

@Module({
  imports: [JwtModule.registerAsync({ inject: [Env], useFactory: (env: Env) => ({ secret: env.JWT_SECRET }) })],
  controllers: [AuthController],
  providers: [AuthService, AdminBootstrap, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
