import { tzOffset } from '@date-fns/tz';

export interface ReminderContext {
  kind: 'remind' | 'urge' | 'escalate';
  reason: 'deadline' | 'acknowledgement' | 'progress_cycle' | 'manual';
  /** The supervisor's words of a 催办 by hand (reason manual). */
  note?: string | null;
  noticeLevel: 'blue' | 'yellow' | 'red';
  planTitle: string;
  taskCode: string;
  taskTitle: string;
  stepText: string | null;
  unitName: string | null;
  recipientName: string;
  dueAt: Date;
  now: Date;
  /** The item's page (links.ts itemPageUrl). */
  taskUrl: string;
  /** The acknowledgement page for this recipient (links.ts ackPageUrl), or null. */
  ackUrl: string | null;
  late: boolean;
}

const LEVEL: Record<ReminderContext['noticeLevel'], string> = { blue: '蓝色提醒', yellow: '黄色催办', red: '红色督办' };
const KIND: Record<ReminderContext['kind'], string> = { remind: '提醒', urge: '催办', escalate: '督办' };
const TZ = 'Asia/Shanghai';

const DAY_MS = 86_400_000;

/**
 * The Shanghai wall clock of an instant, as a Date whose UTC fields read it. One offset lookup per
 * instant: a TZDate looked the offset up again in every getter, and `differenceInCalendarDays` over
 * two TZDates made about twenty lookups, a fifth of the node time a reminder mail costs beyond the send.
 */
function shanghaiClock(d: Date): Date {
  return new Date(d.getTime() + tzOffset(TZ, d) * 60_000);
}

export function formatShanghai(d: Date): string {
  const z = shanghaiClock(d);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${z.getUTCFullYear()}年${z.getUTCMonth() + 1}月${z.getUTCDate()}日 ${p(z.getUTCHours())}:${p(z.getUTCMinutes())}`;
}

/** Calendar days between now and the deadline in Shanghai: positive = left, negative = overdue. */
export function daysLeft(dueAt: Date, now: Date): number {
  return Math.floor(shanghaiClock(dueAt).getTime() / DAY_MS) - Math.floor(shanghaiClock(now).getTime() / DAY_MS);
}

function when(c: ReminderContext): string {
  const d = daysLeft(c.dueAt, c.now);
  if (c.now > c.dueAt) return d === 0 ? '已于今日超期' : `已超期 ${-d} 天`;
  return d === 0 ? '今日到期' : `距完成时限还有 ${d} 天`;
}

function what(c: ReminderContext): string {
  if (c.reason === 'acknowledgement') return '尚未签收';
  if (c.reason === 'progress_cycle') return c.kind === 'remind' ? '请按期报送工作进展' : '工作进展逾期未报';
  if (c.reason === 'manual') return `督办员催办，${when(c)}`;
  return when(c);
}

/** zh-CN subject and body of a reminder, urge or escalation. */
export function renderReminder(c: ReminderContext): { subject: string; text: string; html: string } {
  const item = c.stepText ? `${c.taskTitle}（${c.stepText}）` : c.taskTitle;
  const subject = `【${LEVEL[c.noticeLevel]}】${c.taskCode} ${c.taskTitle.slice(0, 30)} — ${what(c)}`;
  const lines = [
    `${c.recipientName}：`,
    '',
    `您好！以下责任事项${KIND[c.kind]}，请及时办理：`,
    '',
    `督办等级：${LEVEL[c.noticeLevel]}`,
    `所属方案：${c.planTitle}`,
    `责任事项：${c.taskCode} ${item}`,
    ...(c.unitName ? [`责任单位：${c.unitName}`] : []),
    `完成时限：${formatShanghai(c.dueAt)}`,
    `当前状态：${what(c)}`,
    ...(c.note ? [`催办说明：${c.note}`] : []),
    ...(c.late ? ['（本提醒因系统延误晚于计划时间发送）'] : []),
    '',
    `查看与报送进展：${c.taskUrl}`,
    ...(c.ackUrl ? [`签收（无需登录，打开后点击“签收”按钮，链接限时有效）：${c.ackUrl}`] : []),
    '',
    '督办系统（Duban）自动发送，请勿直接回复。',
  ];
  const text = lines.join('\n');
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
  const html = `<div style="font-family:sans-serif">${lines
    .map((l) => (l.startsWith('http') || /：http/.test(l) ? esc(l).replace(/(https?:\/\/\S+)/, '<a href="$1">$1</a>') : esc(l)))
    .join('<br>')}</div>`;
  return { subject, text, html };
}
