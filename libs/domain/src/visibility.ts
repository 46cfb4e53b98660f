import type { Role } from './roles';

/** Who asks: enough of a user for the visibility rules. */
export interface Viewer {
  id: string;
  roles: readonly Role[];
  unitId: string | null;
}

/** Which items a list or report shows: every item, those one of whose units is the viewer's, or none. */
export type TaskVisibility = { kind: 'all' } | { kind: 'unit'; unitId: string } | { kind: 'none' };

/**
 * The one visibility rule of lists and reports (GET /tasks, every report): leaders, supervisors
 * and admins see every item; staff and unit heads the items their unit has a role on.
 */
export function taskVisibility(v: Viewer): TaskVisibility {
  const has = (...roles: Role[]) => v.roles.some((r) => roles.includes(r));
  if (has('admin', 'leader', 'supervisor')) return { kind: 'all' };
  if (v.unitId && has('staff', 'unit_head')) return { kind: 'unit', unitId: v.unitId };
  return { kind: 'none' };
}

/** The items of a personal feed: of the viewer's unit and of the plans they supervise. */
export interface OwnItems {
  unitId: string | null;
  supervisorId: string | null;
}

/**
 * What a personal calendar feed lists: the open items of the owner's unit (staff, unit heads) and
 * of the plans they supervise (supervisors, admins); not everything they may read.
 */
export function ownItems(v: Viewer): OwnItems {
  const has = (...roles: Role[]) => v.roles.some((r) => roles.includes(r));
  return { unitId: has('staff', 'unit_head') ? v.unitId : null, supervisorId: has('supervisor', 'admin') ? v.id : null };
}
