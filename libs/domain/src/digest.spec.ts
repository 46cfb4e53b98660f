import { buildDigest, DigestItem } from './digest';
import { sh } from '../test/shanghai';

const item = (taskId: string, due: string, status: DigestItem['status'] = 'in_progress'): DigestItem => ({
  taskId,
  title: `事项${taskId}`,
  planTitle: '2026年工作要点',
  dueAt: sh(due),
  status,
});
const now = sh('2026-05-20T08:00');

describe('daily digest', () => {
  it('sorts items into due today, due soon and overdue, each by deadline', () => {
    const d = buildDigest(
      [
        item('soon-late', '2026-05-27T18:00'),
        item('today', '2026-05-20T18:00'),
        item('over-2', '2026-05-19T18:00'),
        item('soon-early', '2026-05-21T18:00'),
        item('over-1', '2026-05-01T18:00'),
        item('later', '2026-05-28T18:00'),
        item('done', '2026-05-19T18:00', 'completed'),
        item('gone', '2026-05-20T18:00', 'cancelled'),
        item('paused', '2026-05-19T18:00', 'suspended'),
        item('waiting', '2026-05-18T18:00', 'submitted'),
      ],
      now,
    );
    expect(d).not.toBeNull();
    expect(d!.dueToday.map((i) => i.taskId)).toEqual(['today']);
    expect(d!.dueSoon.map((i) => i.taskId)).toEqual(['soon-early', 'soon-late']);
    expect(d!.overdue.map((i) => i.taskId)).toEqual(['over-1', 'waiting', 'over-2']);
  });

  it('an item due earlier today that has passed is overdue, not due today', () => {
    const d = buildDigest([item('x', '2026-05-20T07:00')], now);
    expect(d).toEqual({ dueToday: [], dueSoon: [], overdue: [expect.objectContaining({ taskId: 'x' })] });
  });

  it('uses the Shanghai date for "today" near midnight', () => {
    // 2026-05-20 23:30 Shanghai is 15:30Z; an item due 2026-05-21 09:00 is tomorrow, so due soon.
    const d = buildDigest([item('x', '2026-05-21T09:00')], sh('2026-05-20T23:30'));
    expect(d!.dueSoon).toHaveLength(1);
  });

  it('returns null when there is nothing to say', () => {
    expect(buildDigest([], now)).toBeNull();
    expect(buildDigest([item('a', '2026-05-19T18:00', 'completed'), item('b', '2026-07-01T18:00')], now)).toBeNull();
  });

  it('soonDays is configurable', () => {
    expect(buildDigest([item('a', '2026-05-28T18:00')], now, { soonDays: 8 })!.dueSoon).toHaveLength(1);
  });

  it('keeps the caller’s item type', () => {
    const d = buildDigest([{ ...item('a', '2026-05-20T18:00'), unitName: '市科技局' }], now);
    expect(d!.dueToday[0].unitName).toBe('市科技局');
  });
});
