export const DAY_MS = 86_400_000;

/** A signed ISO-8601 duration in days, hours, minutes and seconds ("-P7D", "PT0S", "P1DT2H", "-PT5S"). */
export interface IsoDuration {
  /** Signed total length in milliseconds. */
  ms: number;
  /** Canonical text: weeks and 24 h folded into days, e.g. "-P1W" → "-P7D", "PT48H" → "P2D". */
  text: string;
}

export class IsoDurationError extends RangeError {
  override readonly name = 'IsoDurationError';
}

const DURATION = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * Parses a signed ISO-8601 duration. Strict: years and months (variable length), fractions,
 * empty designators ("P", "PT") and anything that is not a duration ("7D", "P-7D") are errors.
 */
export function parseIsoDuration(input: string): IsoDuration {
  const text = typeof input === 'string' ? input.trim() : input;
  const bad = (why: string) =>
    new IsoDurationError(`invalid ISO-8601 duration ${JSON.stringify(input)}: ${why} (examples: "-P7D", "PT0S", "P1D", "-PT2H")`);
  if (typeof text !== 'string' || text.length === 0) throw bad('expected a string');
  const m = DURATION.exec(text);
  if (!m) {
    if (/^[+-]?P[^T]*[YM]/.test(text)) throw bad('years and months are not supported because their length varies; use days or weeks');
    if (!/^[+-]?P/.test(text)) throw bad('must start with "P", optionally signed');
    throw bad('expected [-]P[nW][nD][T[nH][nM][nS]]');
  }
  const [, sign, w, d, h, mi, s] = m;
  if (text.includes('T') && [h, mi, s].every((x) => x === undefined)) throw bad('"T" must be followed by hours, minutes or seconds');
  if ([w, d, h, mi, s].every((x) => x === undefined)) throw bad('has no amount');
  if (w !== undefined && [d, h, mi, s].some((x) => x !== undefined)) throw bad('weeks cannot be combined with other units');
  const n = (x: string | undefined) => (x === undefined ? 0 : Number(x));
  const abs = ((n(w) * 7 + n(d)) * 24 * 3600 + n(h) * 3600 + n(mi) * 60 + n(s)) * 1000;
  if (!Number.isSafeInteger(abs)) throw bad('too large');
  const ms = sign === '-' ? -abs : abs;
  return { ms: ms === 0 ? 0 : ms, text: formatIsoDuration(ms) };
}

/** Canonical ISO-8601 text for a signed millisecond length (whole seconds). */
export function formatIsoDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms) / 1000);
  if (rest === 0) return 'PT0S';
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `${sign}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/** Offsets of at least one day land on working days at 09:00; shorter ones are exact. */
export function isDayOrMore(d: IsoDuration): boolean {
  return Math.abs(d.ms) >= DAY_MS;
}
