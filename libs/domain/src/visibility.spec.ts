import { ownItems, taskVisibility, Viewer } from './visibility';

const viewer = (over: Partial<Viewer>): Viewer => ({ id: 'me', roles: ['staff'], unitId: null, ...over });

describe('taskVisibility (lists and reports)', () => {
  it.each([
    ['staff of a unit', viewer({ unitId: 'u1' }), { kind: 'unit', unitId: 'u1' }],
    ['unit head', viewer({ unitId: 'u1', roles: ['unit_head'] }), { kind: 'unit', unitId: 'u1' }],
    ['staff without a unit', viewer({}), { kind: 'none' }],
    ['supervisor', viewer({ roles: ['supervisor'] }), { kind: 'all' }],
    ['leader with a unit', viewer({ roles: ['leader'], unitId: 'u1' }), { kind: 'all' }],
    ['admin', viewer({ roles: ['admin'] }), { kind: 'all' }],
  ])('%s', (_, v, expected) => {
    expect(taskVisibility(v)).toEqual(expected);
  });
});

describe('ownItems (the personal calendar feed)', () => {
  it('lists the unit of staff and unit heads, the supervised plans of supervisors and admins', () => {
    expect(ownItems(viewer({ unitId: 'u1' }))).toEqual({ unitId: 'u1', supervisorId: null });
    expect(ownItems(viewer({ roles: ['supervisor'], unitId: 'u1' }))).toEqual({ unitId: null, supervisorId: 'me' });
    expect(ownItems(viewer({ roles: ['admin'] }))).toEqual({ unitId: null, supervisorId: 'me' });
    expect(ownItems(viewer({ roles: ['unit_head', 'supervisor'], unitId: 'u2' }))).toEqual({ unitId: 'u2', supervisorId: 'me' });
  });

  it('lists nothing for a leader (who reads everything but owns no items)', () => {
    expect(ownItems(viewer({ roles: ['leader'], unitId: 'u1' }))).toEqual({ unitId: null, supervisorId: null });
  });
});
