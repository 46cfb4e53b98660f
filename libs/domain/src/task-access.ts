import type { AssignmentRole } from './assignment-state';
import type { Role } from './roles';

export interface AccessUser {
  id: string;
  roles: readonly Role[];
  unitId: string | null;
}

export interface AccessAssignment {
  unitId: string;
  role: AssignmentRole;
}

export interface TaskAccess {
  /** May see the item at all; without it the item does not exist for the caller (404). */
  canRead: boolean;
  /** Acts for a lead or responsible unit: acknowledge, start, report progress, ask for an extension (lead also submits). */
  canAct: boolean;
  /** Adds comments (assisting units, and everyone who can act or supervise). */
  canComment: boolean;
  /** Reviews, suspends, cancels, resumes, decides extensions, changes deadlines and assignments. */
  canSupervise: boolean;
  /** The caller's unit's role on the item, if any. */
  unitRole: AssignmentRole | null;
  /** The caller's unit is a lead unit (牵头单位) of the item. */
  isLead: boolean;
}

const NONE: TaskAccess = { canRead: false, canAct: false, canComment: false, canSupervise: false, unitRole: null, isLead: false };

/**
 * The one permission rule for items, a pure function of who asks, the item's unit assignments and
 * its plan's supervisors. See README "## Permissions".
 */
export function taskAccess(user: AccessUser, assignments: readonly AccessAssignment[], planSupervisorIds: readonly string[]): TaskAccess {
  const has = (r: Role) => user.roles.includes(r);
  const mine = user.unitId ? assignments.filter((a) => a.unitId === user.unitId) : [];
  const unitRole = mine.some((a) => a.role === 'lead')
    ? 'lead'
    : mine.some((a) => a.role === 'responsible')
      ? 'responsible'
      : mine.length
        ? 'assisting'
        : null;
  const unitMember = has('staff') || has('unit_head');
  const acts = unitMember && (unitRole === 'lead' || unitRole === 'responsible');
  const assists = unitMember && unitRole === 'assisting';
  const supervises = has('admin') || (has('supervisor') && planSupervisorIds.includes(user.id));
  // Supervisors read every item (to coordinate across plans); leaders read everything.
  const readsAll = has('admin') || has('leader') || has('supervisor');
  if (!acts && !assists && !supervises && !readsAll) return NONE;
  return {
    canRead: true,
    canAct: acts,
    canComment: acts || assists || supervises,
    canSupervise: supervises,
    unitRole: unitMember ? unitRole : null,
    isLead: unitMember && unitRole === 'lead',
  };
}
