import { differenceInCalendarDays } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { daysLeft, formatShanghai } from './reminder.template';

// The templates' clock arithmetic against date-fns over TZDate (what they used before): same text and
// same day counts across midnights, month and year ends, leap days and the pre-1991 summer-time years.
const TZ = 'Asia/Shanghai';
const p = (n: number) => String(n).padStart(2, '0');
const viaTzDate = (d: Date) => {
  const z = new TZDate(d.getTime(), TZ);
  return `${z.getFullYear()}年${z.getMonth() + 1}月${z.getDate()}日 ${p(z.getHours())}:${p(z.getMinutes())}`;
};
const daysViaTzDate = (due: Date, now: Date) => differenceInCalendarDays(new TZDate(due.getTime(), TZ), new TZDate(now.getTime(), TZ));

/** Instants around Shanghai midnights (16:00 UTC) and at pseudo-random times, 1986–2100. */
function instants(): Date[] {
  const out: Date[] = [];
  for (const iso of ['2026-12-31T15:59:59.999Z', '2026-12-31T16:00:00Z', '2028-02-28T16:00:00Z', '2028-02-29T15:59:00Z', '1988-04-10T17:59:00Z', '1988-04-10T18:00:00Z', '1988-09-10T16:30:00Z']) {
    out.push(new Date(iso));
  }
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const from = Date.UTC(1986, 0, 1);
  const to = Date.UTC(2100, 0, 1);
  for (let i = 0; i < 3000; i++) {
    const t = from + Math.floor(next() * (to - from));
    out.push(new Date(t), new Date(Math.floor(t / 86_400_000) * 86_400_000 + 16 * 3_600_000 + (next() < 0.5 ? -1 : 0)));
  }
  return out;
}

describe('reminder template clock', () => {
  const all = instants();

  it('formats deadlines as the Shanghai wall clock, as TZDate did', () => {
    for (const d of all) expect(`${d.toISOString()} ${formatShanghai(d)}`).toBe(`${d.toISOString()} ${viaTzDate(d)}`);
  });

  it('counts Shanghai calendar days between now and the deadline, as differenceInCalendarDays did', () => {
    for (let i = 0; i + 1 < all.length; i++) {
      const [due, now] = [all[i], all[i + 1]];
      expect(`${due.toISOString()} ${now.toISOString()} ${daysLeft(due, now)}`).toBe(`${due.toISOString()} ${now.toISOString()} ${daysViaTzDate(due, now)}`);
      const sameDay = new Date(now.getTime() + 3_600_000);
      expect(daysLeft(sameDay, now)).toBe(daysViaTzDate(sameDay, now));
    }
  });

  it('reads the text of a known instant', () => {
    expect(formatShanghai(new Date('2026-12-31T16:05:00Z'))).toBe('2027年1月1日 00:05');
    expect(daysLeft(new Date('2026-12-31T16:00:00Z'), new Date('2026-12-31T15:59:59Z'))).toBe(1);
  });
});
