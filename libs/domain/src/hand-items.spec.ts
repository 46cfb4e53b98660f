import { mayAssign, removalOf, UnitCandidate, unitReach, unitRecipients } from './hand-items';

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

describe('unitRecipients', () => {
  const person = (userId: string, p: Partial<UnitCandidate> = {}): UnitCandidate => ({ userId, assignee: false, inUnit: true, staff: false, head: false, ...p });
  const head = person('head', { head: true });
  const staffA = person('a', { staff: true });
  const staffB = person('b', { staff: true });
  const named = person('named', { staff: true, assignee: true });
  const ids = (people: UnitCandidate[]) => people.map((p) => p.userId);

  it('reaches the unit heads alone for the unit_head audience', () => {
    expect(ids(unitRecipients('unit_head', 'urge', [staffA, head, named]))).toEqual(['head']);
  });
  it('reaches the staff of a unit with nobody named, in the given order', () => {
    expect(ids(unitRecipients('responsible', 'remind', [staffA, head, staffB]))).toEqual(['a', 'b']);
  });
  it('falls back to the heads of a unit without staff accounts', () => {
    expect(ids(unitRecipients('lead', 'remind', [head]))).toEqual(['head']);
  });
  it('sends a routine reminder to the named 承办人 alone, and an urge to the whole unit as well, once each', () => {
    expect(ids(unitRecipients('responsible', 'remind', [staffA, named, head]))).toEqual(['named']);
    expect(ids(unitRecipients('responsible', 'urge', [staffA, named, head]))).toEqual(['named', 'a', 'head']);
  });
  it('leaves out people of other units that are not named', () => {
    expect(ids(unitRecipients('responsible', 'urge', [person('other', { inUnit: false, staff: true }), named]))).toEqual(['named']);
  });
});
