// Roles and the pages each one uses: plain data, shared by the app's header and the boot script's 工作台.
export type Role = 'staff' | 'unit_head' | 'supervisor' | 'leader' | 'admin';

export const hasAnyRole = (roles: readonly string[] | undefined, wanted: readonly Role[]) => !!roles?.some((r) => wanted.includes(r as Role));

/** The pages of the supervisor, the leader and the administrator, shown to those who use them. */
export const ROLE_PAGES: { to: string; label: string; roles: Role[] }[] = [
  { to: '/supervision', label: '督办工作台', roles: ['supervisor'] },
  { to: '/ledger', label: '总台账', roles: ['supervisor', 'leader'] },
  { to: '/items/new', label: '立项交办', roles: ['supervisor'] },
  { to: '/imports/new', label: '导入方案', roles: ['supervisor'] },
  { to: '/cockpit', label: '驾驶舱', roles: ['leader', 'supervisor'] },
  { to: '/admin/users', label: '用户管理', roles: ['admin'] },
  { to: '/admin/units', label: '单位管理', roles: ['admin'] },
  { to: '/admin/calendar', label: '工作日历', roles: ['admin'] },
];
