import { Result } from 'antd';
import { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { hasAnyRole, Role } from './roles';
import { useSession } from './use-session';

export { hasAnyRole, type Role };

/** A page for some roles only: others read why, instead of a page of refusals from the API. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useSession();
  if (!hasAnyRole(user?.roles, roles)) return <Result status="403" title="您没有权限查看此页面" subTitle="此页面供督办员、领导或管理员使用。" />;
  return <>{children}</>;
}

/** Where a user starts: a unit's people on their 工作台, the others on the page of their role. */
export function startPage(user: { roles: readonly string[]; unitId: string | null } | null): string {
  if (!user) return '/workbench';
  if (user.unitId && hasAnyRole(user.roles, ['staff', 'unit_head'])) return '/workbench';
  if (hasAnyRole(user.roles, ['supervisor'])) return '/supervision';
  if (hasAnyRole(user.roles, ['leader'])) return '/cockpit';
  if (hasAnyRole(user.roles, ['admin'])) return '/admin/users';
  return '/workbench';
}

export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={startPage(user)} replace />;
}
