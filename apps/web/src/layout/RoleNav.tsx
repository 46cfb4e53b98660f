import { NavLink } from 'react-router';
import { hasAnyRole, ROLE_PAGES } from '../auth/roles';

export function RoleNav({ roles }: { roles: readonly string[] }) {
  return (
    <>
      {ROLE_PAGES.filter((p) => hasAnyRole(roles, p.roles)).map((p) => (
        <NavLink key={p.to} to={p.to} className="app-nav-link">
          <span>{p.label}</span>
        </NavLink>
      ))}
    </>
  );
}
