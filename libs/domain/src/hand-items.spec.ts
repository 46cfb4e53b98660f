import { mayAssign, removalOf, unitReach } from './hand-items';

describe('removalOf', () => {
  it('deletes an item nobody has touched', () => {
    expect(removalOf({ status: 'assigned', progress: 0, hasActivity: false })).toBe('delete');
  });
  it.each([
    ['acknowledged', 0, false],
    ['in_progress', 30, false],
    ['assigned', 0, true],
    ['assigned', 10, false],
  ])('cancels an item %s at %i%% (activity %s)', (status, progress, hasActivity) => {
    expect(removalOf({ status, progress, hasActivity })).toBe('cancel');
  });
});

describe('mayAssign', () => {
  const unit = { id: 'u1', staffMayAssign: false };
  it('lets a head of the unit name the 承办人', () => {
    expect(mayAssign({ roles: ['unit_head'], unitId: 'u1' }, unit)).toBe(true);
  });
  it('refuses staff unless the unit allows it', () => {
    expect(mayAssign({ roles: ['staff'], unitId: 'u1' }, unit)).toBe(false);
    expect(mayAssign({ roles: ['staff'], unitId: 'u1' }, { ...unit, staffMayAssign: true })).toBe(true);
  });
  it('refuses another unit, supervisors and admins', () => {
    expect(mayAssign({ roles: ['unit_head'], unitId: 'u2' }, unit)).toBe(false);
    expect(mayAssign({ roles: ['supervisor', 'admin'], unitId: null }, { ...unit, staffMayAssign: true })).toBe(false);
  });
});

describe('unitReach', () => {
  it('sends routine reminders to the named 承办人 alone', () => {
    expect(unitReach('remind', true)).toBe('assignee');
  });
  it('adds the unit on urge and escalate', () => {
    expect(unitReach('urge', true)).toBe('assignee_and_unit');
    expect(unitReach('escalate', true)).toBe('assignee_and_unit');
  });
  it('reaches the unit when nobody is named', () => {
    expect(unitReach('remind', false)).toBe('unit');
    expect(unitReach('urge', false)).toBe('unit');
  });
});
