import { canAcknowledgeFromList, countdownText, lightShape } from './countdown';

// The words and shapes that go with the light: the boot script's 工作台 and the app's list both use them.
describe('countdown', () => {
  it('says how late or how near an open item is, in words', () => {
    expect(countdownText({ status: 'in_progress', light: 'red', overdue: true, daysOverdue: 3 })).toBe('超期 3 天');
    expect(countdownText({ status: 'in_progress', light: 'red', overdue: true, daysOverdue: 0 })).toBe('今日已超期');
    expect(countdownText({ status: 'in_progress', light: 'yellow', overdue: false, workdaysLeft: 2 })).toBe('剩 2 个工作日');
    expect(countdownText({ status: 'in_progress', light: 'yellow', overdue: false, workdaysLeft: 0 })).toBe('今日到期');
    expect(countdownText({ status: 'submitted', light: 'green', overdue: false, workdaysLeft: 5 })).toBe('已报送，待审核');
  });

  it('names a closed item by its status, whatever its light', () => {
    expect(countdownText({ status: 'completed', light: 'red', overdue: true, daysOverdue: 9 })).toBe('已办结');
  });

  it('gives every light a shape, and an unknown light the empty one', () => {
    expect(['red', 'yellow', 'green', 'none', 'purple'].map(lightShape)).toEqual(['■', '▲', '●', '○', '○']);
  });

  it('offers 签收 on the row only for an open item whose part is still to acknowledge, and never to an assisting unit', () => {
    const row = { partStatus: 'assigned', role: 'lead', status: 'in_progress' };
    expect(canAcknowledgeFromList(row)).toBe(true);
    expect(canAcknowledgeFromList({ ...row, role: 'assisting' })).toBe(false);
    expect(canAcknowledgeFromList({ ...row, partStatus: 'acknowledged' })).toBe(false);
    expect(canAcknowledgeFromList({ ...row, status: 'cancelled' })).toBe(false);
  });
});
