import { LIGHT, TASK_STATUS } from '../lib/labels';

export interface CountdownInput {
  status: string;
  light: string;
  overdue: boolean;
  daysOverdue?: number;
  workdaysLeft?: number;
}

const DONE = ['completed', 'cancelled', 'suspended'];

/** Statuses a list names beside the title (a tag), because the light alone does not say them. */
export const NOTEWORTHY_STATUSES = ['submitted', 'returned', 'completed', 'suspended', 'cancelled'];

/** Each light's shape, so the light reads without colour. */
export const lightShape = (light: string): string => ({ red: '■', yellow: '▲', green: '●' })[light] ?? '○';

/** A list may offer 签收 on the row: the unit's part is still to acknowledge and the item is open. */
export const canAcknowledgeFromList = (t: { partStatus?: string; role?: string; status: string }): boolean =>
  t.partStatus === 'assigned' && t.role !== 'assisting' && !DONE.includes(t.status);

/** The words that go with every light, so colour is never the only signal: "超期 3 天", "剩 2 个工作日". */
export function countdownText(c: CountdownInput): string {
  if (DONE.includes(c.status)) return TASK_STATUS[c.status];
  if (c.overdue) return c.daysOverdue ? `超期 ${c.daysOverdue} 天` : '今日已超期';
  if (c.status === 'submitted') return '已报送，待审核';
  if (c.workdaysLeft === undefined) return LIGHT[c.light] ?? '';
  if (c.workdaysLeft <= 0) return '今日到期';
  return `剩 ${c.workdaysLeft} 个工作日`;
}
