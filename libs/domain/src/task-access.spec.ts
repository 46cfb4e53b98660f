import { AccessAssignment, AccessUser, taskAccess } from './task-access';

const LEAD = 'u-lead';
const RESP = 'u-resp';
const ASSIST = 'u-assist';
const OTHER = 'u-other';
const assignments: AccessAssignment[] = [
  { unitId: LEAD, role: 'lead' },
  { unitId: RESP, role: 'responsible' },
  { unitId: ASSIST, role: 'assisting' },
];
const supervisors = ['sup-1'];
const user = (over: Partial<AccessUser>): AccessUser => ({ id: 'x', roles: ['staff'], unitId: null, ...over });
const flags = (u: AccessUser) => {
  const a = taskAccess(u, assignments, supervisors);
  return [a.canRead, a.canAct, a.canComment, a.canSupervise];
};

describe('taskAccess', () => {
  it.each([
    ['staff of the lead unit', user({ unitId: LEAD }), [true, true, true, false]],
    ['unit head of the lead unit', user({ unitId: LEAD, roles: ['unit_head'] }), [true, true, true, false]],
    ['staff of a responsible unit', user({ unitId: RESP }), [true, true, true, false]],
    ['staff of an assisting unit', user({ unitId: ASSIST }), [true, false, true, false]],
    ['staff of another unit', user({ unitId: OTHER }), [false, false, false, false]],
    ['staff without a unit', user({}), [false, false, false, false]],
    ['supervisor of the plan', user({ id: 'sup-1', roles: ['supervisor'] }), [true, false, true, true]],
    ['supervisor of another plan', user({ id: 'sup-2', roles: ['supervisor'] }), [true, false, false, false]],
    ['leader', user({ roles: ['leader'] }), [true, false, false, false]],
    ['admin', user({ roles: ['admin'] }), [true, false, true, true]],
    ['a user with no role', user({ roles: [], unitId: LEAD }), [false, false, false, false]],
  ])('%s → [read, act, comment, supervise]', (_, u, expected) => {
    expect(flags(u)).toEqual(expected);
  });

  it('names the lead unit and the caller’s role', () => {
    expect(taskAccess(user({ unitId: LEAD }), assignments, supervisors)).toMatchObject({ isLead: true, unitRole: 'lead' });
    expect(taskAccess(user({ unitId: RESP }), assignments, supervisors)).toMatchObject({ isLead: false, unitRole: 'responsible' });
    expect(taskAccess(user({ unitId: ASSIST }), assignments, supervisors)).toMatchObject({ isLead: false, unitRole: 'assisting' });
  });

  it('a supervisor who is also staff of a responsible unit both acts and supervises', () => {
    const a = taskAccess(user({ id: 'sup-1', roles: ['staff', 'supervisor'], unitId: RESP }), assignments, supervisors);
    expect(a).toMatchObject({ canAct: true, canSupervise: true, unitRole: 'responsible' });
  });

  it('the strongest role counts when a unit holds two assignments', () => {
    const a = taskAccess(user({ unitId: RESP }), [...assignments, { unitId: RESP, role: 'lead' }], supervisors);
    expect(a).toMatchObject({ isLead: true, canAct: true });
  });
});
