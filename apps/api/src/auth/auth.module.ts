import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { Env } from '@app/config';
import { AuthController } from './auth.controller';
import { BrowserSessionController } from './browser-session.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AdminBootstrap } from './admin-bootstrap.service';
import { LoginLockout } from './login-lockout.service';

@Module({
  imports: [
    JwtModule.registerAsync({ inject: [Env], useFactory: (env: Env) => ({ secret: env.JWT_SECRET }) }),
    // Per client address on the credential endpoints only; the per-username lock-out is LoginLockout.
    ThrottlerModule.forRoot([{ name: 'auth', ttl: 60_000, limit: 30 }]),
  ],
  controllers: [AuthController, BrowserSessionController],
  providers: [AuthService, AdminBootstrap, LoginLockout, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
