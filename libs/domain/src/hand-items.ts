import type { Role } from './roles';
import type { ReminderKind } from './reminder-policy';

/** Where a plan's items came from when entered by hand (立项 by source). */
export const PLAN_SOURCE_TYPES = ['领导批示', '会议议定', '重点工作', '人大建议', '政协提案', '整改', '其他'] as const;
export type PlanSourceType = (typeof PLAN_SOURCE_TYPES)[number];
/** The source type of a plan read from an imported document. */
export const DOCUMENT_SOURCE = 'document';

/**
 * What removing an item does. An item nobody has worked on yet (not acknowledged, no progress, no
 * comment) was a mistake of entry and goes; anything else keeps its history: it is cancelled, and a
 * cancel needs a reason.
 */
export function removalOf(t: { status: string; progress: number; hasActivity: boolean }): 'delete' | 'cancel' {
  return t.status === 'assigned' && t.progress === 0 && !t.hasActivity ? 'delete' : 'cancel';
}

export interface AssigningUser {
  roles: readonly Role[];
  unitId: string | null;
}

/**
 * May the caller name the 承办人 (分办) of a unit's part? Its heads may; its staff only when the unit
 * allows it (units.staff_may_assign). Nobody from another unit may, supervisors included: whom a
 * unit puts on its work is the unit's own decision.
 */
export function mayAssign(user: AssigningUser, unit: { id: string; staffMayAssign: boolean }): boolean {
  if (user.unitId !== unit.id) return false;
  if (user.roles.includes('unit_head')) return true;
  return unit.staffMayAssign && user.roles.includes('staff');
}

/** Who of a unit a reminder to the unit's part ('responsible' / 'lead' audience) reaches. */
export type UnitReach = 'assignee' | 'assignee_and_unit' | 'unit';

/**
 * A named 承办人 alone gets the routine reminders of the unit's part; 催办 and 督办 (urge, escalate)
 * go to the whole unit as well (its heads answer for it), and with nobody named the unit gets all.
 */
export function unitReach(kind: ReminderKind, hasAssignee: boolean): UnitReach {
  if (!hasAssignee) return 'unit';
  return kind === 'remind' ? 'assignee' : 'assignee_and_unit';
}

/** A person a reminder to a unit's part may reach, with what makes them one (read in one query). */
export interface UnitCandidate {
  userId: string;
  /** Named 承办人 of the unit's part of the item. */
  assignee: boolean;
  /** Belongs to the unit (an assignee normally does). */
  inUnit: boolean;
  staff: boolean;
  head: boolean;
}

/**
 * Whom a reminder to a unit reaches, from its candidates (in the order to write to them): its heads
 * for 'unit_head'; for 'responsible' and 'lead' the named 承办人 as unitReach says, else its staff,
 * or its heads when it has no staff accounts (someone must answer for the unit's part).
 */
export function unitRecipients<P extends UnitCandidate>(audience: 'responsible' | 'lead' | 'unit_head', kind: ReminderKind, people: readonly P[]): P[] {
  const heads = people.filter((p) => p.inUnit && p.head);
  if (audience === 'unit_head') return heads;
  const assignees = people.filter((p) => p.assignee);
  const reach = unitReach(kind, assignees.length > 0);
  if (reach === 'assignee') return assignees;
  if (reach === 'assignee_and_unit') return [...assignees, ...people.filter((p) => !p.assignee && p.inUnit && (p.staff || p.head))];
  const staff = people.filter((p) => p.inUnit && p.staff);
  return staff.length ? staff : heads;
}
