import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { Env } from '@app/config';
import { AuthController } from './auth.controller';
import { BrowserSessionController } from './browser-session.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AdminBootstrap } from './admin-bootstrap.service';
import { LoginLockout } from './login-lockout.service';
import { AuthRateLimit, AuthRateLimitGuard } from './auth-rate-limit';

@Module({
  imports: [
    // A key object, made once: given a string, jsonwebtoken first tries to parse it as a PEM public key
    // and only then makes a secret key, for every token it checks (~0.8 ms of CPU per request).
    JwtModule.registerAsync({ inject: [Env], useFactory: (env: Env) => ({ secret: createSecretKey(Buffer.from(env.JWT_SECRET)) }) }),
  ],
  controllers: [AuthController, BrowserSessionController],
  providers: [AuthService, AdminBootstrap, LoginLockout, AuthRateLimit, AuthRateLimitGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, AuthRateLimitGuard, AuthRateLimit],
})
export class AuthModule {}
