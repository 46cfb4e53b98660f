import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@app/persistence';

/** Who is calling: from a JWT, or from a personal API token (scope read = GET only). */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  scope: 'full' | 'read';
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});

export const IS_PUBLIC = 'duban:public';
/** No authentication (login, health, docs, signed links). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ROLES = 'duban:roles';
/** Only these roles may call the handler (admin always may). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const hasRole = (u: AuthUser, ...roles: Role[]) => u.roles.some((r) => roles.includes(r));
