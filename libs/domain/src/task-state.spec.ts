import { Role, ROLES } from './roles';
import {
  allowedTransitions,
  assertTransition,
  IllegalTransition,
  TASK_STATUSES,
  TaskStatus,
  transition,
  TransitionContext,
} from './task-state';

const ok = (from: TaskStatus, to: TaskStatus, ctx: TransitionContext) => {
  const r = transition(from, to, ctx);
  if (!r.ok) throw new Error(`expected ${from} → ${to} to pass: ${r.error.message}`);
  return r.status;
};
const refused = (from: TaskStatus, to: TaskStatus, ctx: TransitionContext): IllegalTransition => {
  const r = transition(from, to, ctx);
  if (r.ok) throw new Error(`expected ${from} → ${to} to be refused`);
  return r.error;
};

describe('task status machine', () => {
  it('TASK_STATUSES lists every status once', () => {
    expect(new Set(TASK_STATUSES).size).toBe(TASK_STATUSES.length);
    expect(TASK_STATUSES).toEqual(
      expect.arrayContaining(['assigned', 'acknowledged', 'in_progress', 'submitted', 'returned', 'completed', 'suspended', 'cancelled']),
    );
  });

  it('walks the whole life of an item: 签收 → progress → submit → 退回 → resubmit → 办结', () => {
    let s: TaskStatus = 'assigned';
    s = ok(s, 'acknowledged', { actorRole: 'staff' });
    s = ok(s, 'in_progress', { actorRole: 'staff' });
    s = ok(s, 'submitted', { actorRole: 'staff', isLeadUnit: true });
    s = ok(s, 'returned', { actorRole: 'supervisor', reason: '材料不全' });
    s = ok(s, 'in_progress', { actorRole: 'unit_head' });
    s = ok(s, 'submitted', { actorRole: 'unit_head', isLeadUnit: true });
    s = ok(s, 'completed', { actorRole: 'supervisor', openSteps: 0 });
    expect(s).toBe('completed');
  });

  it.each<[TaskStatus, TaskStatus, TransitionContext]>([
    ['assigned', 'acknowledged', { actorRole: 'unit_head' }],
    ['submitted', 'completed', { actorRole: 'admin' }],
    ['in_progress', 'suspended', { actorRole: 'supervisor', reason: '政策调整' }],
    ['suspended', 'in_progress', { actorRole: 'supervisor' }],
    ['suspended', 'acknowledged', { actorRole: 'supervisor', suspendedFrom: 'acknowledged' }],
    ['suspended', 'cancelled', { actorRole: 'supervisor', reason: '事项取消' }],
    ['assigned', 'cancelled', { actorRole: 'supervisor', reason: '重复事项' }],
    ['submitted', 'completed', { actorRole: 'supervisor', openSteps: 2, override: true, reason: '其余步骤并入下年度' }],
  ])('%s → %s is allowed for %o', (from, to, ctx) => {
    expect(transition(from, to, ctx)).toEqual({ ok: true, status: to });
  });

  it.each<[TaskStatus, TaskStatus, TransitionContext, string, RegExp]>([
    ['assigned', 'completed', { actorRole: 'staff' }, 'not_allowed', /^cannot go from assigned to completed as staff; allowed: acknowledged$/],
    ['assigned', 'completed', { actorRole: 'supervisor' }, 'not_allowed', /allowed: suspended, cancelled$/],
    ['in_progress', 'completed', { actorRole: 'supervisor' }, 'not_allowed', /allowed: suspended, cancelled/],
    ['submitted', 'completed', { actorRole: 'staff' }, 'not_allowed', /allowed: none$/],
    ['submitted', 'completed', { actorRole: 'leader' }, 'not_allowed', /allowed: none$/],
    ['in_progress', 'submitted', { actorRole: 'staff' }, 'lead_unit_only', /only the lead unit/],
    ['in_progress', 'submitted', { actorRole: 'staff', isLeadUnit: false }, 'lead_unit_only', /lead unit/],
    ['in_progress', 'submitted', { actorRole: 'supervisor', isLeadUnit: true }, 'not_allowed', /allowed: suspended, cancelled/],
    ['submitted', 'returned', { actorRole: 'supervisor' }, 'reason_required', /requires a reason/],
    ['submitted', 'returned', { actorRole: 'supervisor', reason: '   ' }, 'reason_required', /requires a reason/],
    ['in_progress', 'suspended', { actorRole: 'supervisor' }, 'reason_required', /requires a reason/],
    ['in_progress', 'suspended', { actorRole: 'unit_head', reason: 'x' }, 'not_allowed', /allowed: submitted$/],
    ['in_progress', 'cancelled', { actorRole: 'supervisor', reason: '' }, 'reason_required', /reason/],
    ['submitted', 'completed', { actorRole: 'supervisor', openSteps: 2 }, 'open_steps', /2 step\(s\) still open/],
    ['submitted', 'completed', { actorRole: 'supervisor', openSteps: 1, override: true }, 'reason_required', /override/],
    ['completed', 'in_progress', { actorRole: 'admin' }, 'not_allowed', /allowed: none$/],
    ['cancelled', 'assigned', { actorRole: 'supervisor' }, 'not_allowed', /allowed: none$/],
    ['suspended', 'in_progress', { actorRole: 'supervisor', suspendedFrom: 'assigned' }, 'not_allowed', /allowed: assigned, cancelled$/],
    ['assigned', 'assigned', { actorRole: 'staff' }, 'not_allowed', /cannot go from assigned to assigned/],
    ['assigned', 'in_progress', { actorRole: 'staff' }, 'not_allowed', /allowed: acknowledged$/],
  ])('%s → %s is refused for %o (%s)', (from, to, ctx, code, message) => {
    const error = refused(from, to, ctx);
    expect(error).toBeInstanceOf(IllegalTransition);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.from).toBe(from);
    expect(error.to).toBe(to);
  });

  it('the error carries the allowed targets for that actor', () => {
    expect(refused('assigned', 'completed', { actorRole: 'supervisor' }).allowed).toEqual(['suspended', 'cancelled']);
  });

  it.each<[TaskStatus, Role, TaskStatus[]]>([
    ['assigned', 'staff', ['acknowledged']],
    ['assigned', 'supervisor', ['suspended', 'cancelled']],
    ['acknowledged', 'unit_head', ['in_progress']],
    ['in_progress', 'staff', ['submitted']],
    ['submitted', 'supervisor', ['returned', 'completed', 'suspended', 'cancelled']],
    ['submitted', 'staff', []],
    ['returned', 'staff', ['in_progress']],
    ['suspended', 'supervisor', ['in_progress', 'cancelled']],
    ['suspended', 'staff', []],
    ['completed', 'supervisor', []],
    ['cancelled', 'admin', []],
    ['in_progress', 'leader', []],
  ])('allowedTransitions(%s, %s) = %p', (status, role, want) => {
    expect(allowedTransitions(status, role)).toEqual(want);
  });

  it('resuming goes back to where the item was suspended', () => {
    expect(allowedTransitions('suspended', 'supervisor', { suspendedFrom: 'submitted' })).toEqual(['submitted', 'cancelled']);
  });

  it('leaders only read: no transition anywhere', () => {
    for (const s of TASK_STATUSES) expect(allowedTransitions(s, 'leader')).toEqual([]);
  });

  it('every allowed target passes transition() given a reason and lead unit, and nothing else does', () => {
    for (const role of ROLES) {
      for (const from of TASK_STATUSES) {
        const allowed = allowedTransitions(from, role);
        for (const to of TASK_STATUSES) {
          const r = transition(from, to, { actorRole: role, reason: 'r', isLeadUnit: true });
          expect({ role, from, to, ok: r.ok }).toEqual({ role, from, to, ok: allowed.includes(to) });
        }
      }
    }
  });

  it('assertTransition throws the IllegalTransition', () => {
    expect(() => assertTransition('assigned', 'completed', { actorRole: 'staff' })).toThrow(IllegalTransition);
    expect(assertTransition('assigned', 'acknowledged', { actorRole: 'staff' })).toBe('acknowledged');
  });
});
