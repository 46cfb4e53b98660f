export const ROLES = ['staff', 'unit_head', 'supervisor', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act for a unit on its own items (承办人, 单位负责人). */
export const UNIT_ROLES: readonly Role[] = ['staff', 'unit_head'];
/** Roles that review, suspend and cancel items. Admin can stand in for a supervisor. */
export const SUPERVISING_ROLES: readonly Role[] = ['supervisor', 'admin'];
