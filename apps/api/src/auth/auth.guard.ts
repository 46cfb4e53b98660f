import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@app/persistence';
import { AuthUser, IS_PUBLIC, ROLES } from '../common/current-user';
import { AuthService } from './auth.service';

/** Global: every route needs a bearer credential unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: unknown = req.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!m) throw new UnauthorizedException('missing bearer token: log in with POST /auth/login');
    const user: AuthUser | null = await this.auth.authenticate(m[1]);
    if (!user) throw new UnauthorizedException('invalid or expired token');
    if (user.scope === 'read' && req.method !== 'GET' && req.method !== 'HEAD') {
      throw new ForbiddenException('this API token is read-only');
    }
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles?.length && !user.roles.some((r) => r === 'admin' || roles.includes(r))) {
      throw new ForbiddenException(`requires one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
