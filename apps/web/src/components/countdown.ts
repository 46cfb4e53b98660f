import { LIGHT, TASK_STATUS } from '../lib/labels';

export interface CountdownInput {
  status: string;
  light: string;
  overdue: boolean;
  daysOverdue?: number;
  workdaysLeft?: number;
}

const DONE = ['completed', 'cancelled', 'suspended'];

/** The words that go with every light, so colour is never the only signal: "超期 3 天", "剩 2 个工作日". */
export function countdownText(c: CountdownInput): string {
  if (DONE.includes(c.status)) return TASK_STATUS[c.status];
  if (c.overdue) return c.daysOverdue ? `超期 ${c.daysOverdue} 天` : '今日已超期';
  if (c.status === 'submitted') return '已报送，待审核';
  if (c.workdaysLeft === undefined) return LIGHT[c.light] ?? '';
  if (c.workdaysLeft <= 0) return '今日到期';
  return `剩 ${c.workdaysLeft} 个工作日`;
}
