import { formatShanghai } from './reminder.template';

export interface DigestItem {
  code: string;
  title: string;
  planTitle: string;
  dueAt: Date;
}

export interface DigestContext {
  recipientName: string;
  dueToday: DigestItem[];
  dueSoon: DigestItem[];
  overdue: DigestItem[];
  tasksUrl: string;
}

/** One daily message instead of one per reminder; the caller sends nothing when all lists are empty. */
export function renderDigest(c: DigestContext): { subject: string; text: string } {
  const section = (title: string, items: DigestItem[]) =>
    items.length === 0
      ? []
      : [`${title}（${items.length}）`, ...items.map((i) => `  · ${formatShanghai(i.dueAt)}  ${i.code} ${i.title}（${i.planTitle}）`), ''];
  const text = [
    `${c.recipientName}：`,
    '',
    '您今日的督办事项汇总如下：',
    '',
    ...section('已超期', c.overdue),
    ...section('今日到期', c.dueToday),
    ...section('7日内到期', c.dueSoon),
    `查看全部：${c.tasksUrl}`,
  ].join('\n');
  const subject = `【督办日报】超期 ${c.overdue.length} 项，今日到期 ${c.dueToday.length} 项，即将到期 ${c.dueSoon.length} 项`;
  return { subject, text };
}
