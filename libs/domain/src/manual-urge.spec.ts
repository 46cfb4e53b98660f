import { urgeTargets } from './manual-urge';

describe('urgeTargets (催办 by hand)', () => {
  const parts = [
    { unitId: 'lead', role: 'lead' as const, status: 'acknowledged' },
    { unitId: 'resp', role: 'responsible' as const, status: 'assigned' },
    { unitId: 'done', role: 'responsible' as const, status: 'submitted' },
    { unitId: 'help', role: 'assisting' as const, status: 'assigned' },
  ];

  it('urges the open lead and responsible units, not assisting ones or a unit that submitted its part', () => {
    expect(urgeTargets('in_progress', parts)).toEqual({ unitIds: ['lead', 'resp'] });
    expect(urgeTargets('returned', parts)).toEqual({ unitIds: ['lead', 'resp'] });
  });

  it('refuses, in words, an item that is not open or has nobody left to urge', () => {
    expect(urgeTargets('submitted', parts)).toEqual({ refused: '事项当前状态不需要催办（待审核）' });
    expect(urgeTargets('completed', parts)).toEqual({ refused: '事项当前状态不需要催办（已办结）' });
    expect(urgeTargets('assigned', [parts[2], parts[3]])).toEqual({ refused: '事项没有尚未办结的牵头或责任单位' });
  });
});
