/** A reminder step's offset as a person sets it: so many days or hours before or after the deadline. */
export interface Offset {
  when: 'before' | 'after';
  amount: number;
  unit: 'D' | 'H';
}

const RE = /^(-)?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Reads the ISO-8601 durations the policy uses (-P7D, P1D, -PT4H, PT0S, -P1W); null for other forms. */
export function parseOffset(iso: string): Offset | null {
  const m = RE.exec(iso);
  if (!m || (m[5] && m[5] !== '0') || (m[6] && m[6] !== '0')) return null;
  const days = Number(m[2] ?? 0) * 7 + Number(m[3] ?? 0);
  const hours = Number(m[4] ?? 0);
  const when = m[1] ? 'before' : 'after';
  if (days && hours) return { when, amount: days * 24 + hours, unit: 'H' };
  return hours ? { when, amount: hours, unit: 'H' } : { when, amount: days, unit: 'D' };
}

export function formatOffset(o: Offset): string {
  if (o.amount === 0) return 'PT0S';
  const body = o.unit === 'D' ? `P${o.amount}D` : `PT${o.amount}H`;
  return o.when === 'before' ? `-${body}` : body;
}

/** "期限前 7 天", "到期时", "期限后 4 小时". */
export function offsetText(iso: string): string {
  const o = parseOffset(iso);
  if (!o) return iso;
  if (o.amount === 0) return '到期时';
  return `期限${o.when === 'before' ? '前' : '后'} ${o.amount} ${o.unit === 'D' ? '天' : '小时'}`;
}
