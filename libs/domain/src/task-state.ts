import { Role, SUPERVISING_ROLES, UNIT_ROLES } from './roles';

export const TASK_STATUSES = [
  'assigned',
  'acknowledged',
  'in_progress',
  'submitted',
  'returned',
  'completed',
  'suspended',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Statuses from which nothing moves: an item is finished or withdrawn. */
export const TERMINAL_STATUSES: readonly TaskStatus[] = ['completed', 'cancelled'];
/** Statuses a suspended item can be resumed to (where it was when suspended). */
export const RESUMABLE_STATUSES: readonly TaskStatus[] = ['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned'];

export function isTaskStatus(value: unknown): value is TaskStatus {
  return typeof value === 'string' && (TASK_STATUSES as readonly string[]).includes(value);
}

export function isTerminalStatus(status: TaskStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

interface Edge {
  from: TaskStatus;
  to: TaskStatus;
  roles: readonly Role[];
  needsReason?: boolean;
  leadOnly?: boolean;
  /** Completion: refused while steps are open unless a supervisor overrides with a reason. */
  checksSteps?: boolean;
}

const ACTIVE: readonly TaskStatus[] = RESUMABLE_STATUSES;

const EDGES: readonly Edge[] = [
  { from: 'assigned', to: 'acknowledged', roles: UNIT_ROLES },
  { from: 'acknowledged', to: 'in_progress', roles: UNIT_ROLES },
  { from: 'in_progress', to: 'submitted', roles: UNIT_ROLES, leadOnly: true },
  { from: 'submitted', to: 'completed', roles: SUPERVISING_ROLES, checksSteps: true },
  { from: 'submitted', to: 'returned', roles: SUPERVISING_ROLES, needsReason: true },
  { from: 'returned', to: 'in_progress', roles: UNIT_ROLES },
  ...ACTIVE.map((from): Edge => ({ from, to: 'suspended', roles: SUPERVISING_ROLES, needsReason: true })),
  ...[...ACTIVE, 'suspended' as const].map(
    (from): Edge => ({ from, to: 'cancelled', roles: SUPERVISING_ROLES, needsReason: true }),
  ),
  // Resume: the target is narrowed to `suspendedFrom` in allowedTargets().
  ...ACTIVE.map((from): Edge => ({ from: 'suspended', to: from, roles: SUPERVISING_ROLES })),
];

export interface TransitionContext {
  actorRole: Role;
  reason?: string | null;
  /** The actor belongs to the item's lead unit (牵头单位). */
  isLeadUnit?: boolean;
  /** Steps of the item not yet completed or cancelled. */
  openSteps?: number;
  /** A supervisor completes despite open steps; needs a reason. */
  override?: boolean;
  /** Where a suspended item was when it was suspended; resuming goes back there (default in_progress). */
  suspendedFrom?: TaskStatus | null;
}

export type IllegalTransitionCode =
  | 'not_allowed'
  | 'reason_required'
  | 'lead_unit_only'
  | 'open_steps';

export class IllegalTransition extends Error {
  override readonly name = 'IllegalTransition';
  constructor(
    readonly code: IllegalTransitionCode,
    readonly from: TaskStatus,
    readonly to: TaskStatus,
    readonly role: Role,
    /** Statuses this role may move the item to from `from`. */
    readonly allowed: readonly TaskStatus[],
    message: string,
  ) {
    super(message);
  }
}

export type TransitionResult = { ok: true; status: TaskStatus } | { ok: false; error: IllegalTransition };

function hasReason(reason: string | null | undefined): boolean {
  return typeof reason === 'string' && reason.trim().length > 0;
}

function edgesFrom(status: TaskStatus, role: Role, suspendedFrom?: TaskStatus | null): Edge[] {
  const resumeTo = suspendedFrom && RESUMABLE_STATUSES.includes(suspendedFrom) ? suspendedFrom : 'in_progress';
  return EDGES.filter(
    (e) =>
      e.from === status && e.roles.includes(role) && (e.from !== 'suspended' || e.to === 'cancelled' || e.to === resumeTo),
  );
}

/** Statuses `role` may move an item to from `status`, in the order of TASK_STATUSES. */
export function allowedTransitions(
  status: TaskStatus,
  role: Role,
  opts: { suspendedFrom?: TaskStatus | null } = {},
): TaskStatus[] {
  const targets = new Set(edgesFrom(status, role, opts.suspendedFrom).map((e) => e.to));
  return TASK_STATUSES.filter((s) => targets.has(s));
}

/**
 * Checks one move of an item's status. Returns the new status, or an IllegalTransition that
 * names what this actor may do from `current` instead. Never throws for a refused move.
 */
export function transition(current: TaskStatus, to: TaskStatus, ctx: TransitionContext): TransitionResult {
  const allowed = allowedTransitions(current, ctx.actorRole, { suspendedFrom: ctx.suspendedFrom });
  const fail = (code: IllegalTransitionCode, message: string): TransitionResult => ({
    ok: false,
    error: new IllegalTransition(code, current, to, ctx.actorRole, allowed, message),
  });
  const edge = edgesFrom(current, ctx.actorRole, ctx.suspendedFrom).find((e) => e.to === to);
  if (!edge) {
    const list = allowed.length ? allowed.join(', ') : 'none';
    return fail('not_allowed', `cannot go from ${current} to ${to} as ${ctx.actorRole}; allowed: ${list}`);
  }
  if (edge.needsReason && !hasReason(ctx.reason)) {
    return fail('reason_required', `going from ${current} to ${to} requires a reason`);
  }
  if (edge.leadOnly && ctx.isLeadUnit !== true) {
    return fail('lead_unit_only', `only the lead unit (牵头单位) can go from ${current} to ${to}`);
  }
  const openSteps = ctx.openSteps ?? 0;
  if (edge.checksSteps && openSteps > 0) {
    if (!ctx.override) {
      return fail('open_steps', `cannot complete: ${openSteps} step(s) still open; a supervisor may override with a reason`);
    }
    if (!hasReason(ctx.reason)) {
      return fail('reason_required', `completing with ${openSteps} open step(s) requires a reason for the override`);
    }
  }
  return { ok: true, status: to };
}

/** Like transition(), but throws the IllegalTransition. */
export function assertTransition(current: TaskStatus, to: TaskStatus, ctx: TransitionContext): TaskStatus {
  const result = transition(current, to, ctx);
  if (!result.ok) throw result.error;
  return result.status;
}
