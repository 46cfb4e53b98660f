import { acknowledgementDueAt, addDays, diffDays, WorkCalendar } from '@app/domain';
import { AckDue } from '@app/persistence';

/**
 * One AckDue per calendar object, ACK_WORKDAYS and DUE_TIME. WorkCalendarRepository hands out the
 * same calendar object until a revision moves, so the appraisal's per-function table of deadlines
 * (ack-window.ts) is computed once per calendar version, and a changed calendar gets a new one.
 */
const perCalendar = new WeakMap<WorkCalendar, Map<string, AckDue>>();

export function ackDueFor(calendar: WorkCalendar, ackWorkdays: number, endOfDay: Parameters<typeof acknowledgementDueAt>[3]): AckDue {
  let byRule = perCalendar.get(calendar);
  if (!byRule) perCalendar.set(calendar, (byRule = new Map()));
  const key = `${ackWorkdays} ${endOfDay}`;
  let ackDue = byRule.get(key);
  if (!ackDue) {
    ackDue = (from, to) => {
      const first = diffDays(from, to) > 366 * 20 ? addDays(to, -366 * 20) : from;
      const out: { date: string; dueAt: Date }[] = [];
      for (let d = first; d <= to; d = addDays(d, 1)) {
        out.push({ date: d, dueAt: acknowledgementDueAt(new Date(`${d}T12:00:00+08:00`), calendar, ackWorkdays, endOfDay) });
      }
      return out;
    };
    byRule.set(key, ackDue);
  }
  return ackDue;
}
