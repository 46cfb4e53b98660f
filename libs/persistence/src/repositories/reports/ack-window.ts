import { createHash } from 'node:crypto';
import { Param, sql } from '../../db/sql';
import { ACK_COUNTS_DUE_TIME } from '../../migrations/1736510000000-report-ack-due-time';

/** The acknowledgement deadline of each assignment date, from libs/domain (working-day calendar). */
export type AckDue = (fromDate: string, toDate: string) => { date: string; dueAt: Date }[];

/** Assignment dates further back than this before the clock's date have no deadline (never late). */
export const ACK_HISTORY_DAYS = 366 * 20;

/**
 * The deadlines one request sends: dates from `first` to the clock's date as a timestamptz[] array
 * literal (gaps NULL), so SQL reads an assignment's deadline by subscript; `first` null sends none.
 */
export interface AckWindow {
  first: string | null;
  dues: Param;
  /**
   * Per date as well, when every deadline is from 1992 on (Shanghai at a fixed UTC+8 since 1991): the
   * deadline's Shanghai date (date[]) and whether its time of day is ACK_COUNTS_DUE_TIME (boolean[]),
   * so the acknowledgement counts read them by subscript too, without a time-zone conversion per row.
   */
  perDate?: { dueDays: Param; atCountedTime: Param; allAtCountedTime: boolean };
  /**
   * When every deadline is at ACK_COUNTS_DUE_TIME: the hash of the window's first date and deadline
   * dates. report_late_acks (1736660000000) counts against ack_deadlines, which the API rewrites
   * when ack_deadline_sync holds another fingerprint; the report reads the count only on a match.
   */
  fingerprint?: string;
}

const EMPTY: AckWindow = { first: null, dues: sql.param('{}') };
const SHANGHAI_FIXED_FROM = Date.parse('1992-01-01T00:00:00+08:00');
const HOUR = 3_600_000;

const DAY = 86_400_000;
const dayNo = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY;
const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/** The deadlines ackDue gave so far, dates first..first + dues.length − 1, and the last literal sent. */
interface Known {
  first: number;
  dues: (Date | null)[];
  sent?: { from: number; to: number; window: AckWindow };
}

/**
 * Per AckDue function: a function is one calendar version with one ACK_WORKDAYS and DUE_TIME (the API
 * hands out one per calendar object, which WorkCalendarRepository replaces when a revision moves), so
 * its deadlines are computed once per date, not per request, and a new calendar starts empty.
 */
const known = new WeakMap<AckDue, Known>();

/** The dates already asked for, if any, below which a request would extend the table. */
export function knownFirst(ackDue: AckDue): string | null {
  const k = known.get(ackDue);
  return k ? dateOf(k.first) : null;
}

/** Asks ackDue for the dates from..to in spans short enough that no caller's own history cap cuts them. */
function fill(k: Known, ackDue: AckDue, from: number, to: number): void {
  for (let a = from; a <= to; a += ACK_HISTORY_DAYS) {
    for (const r of ackDue(dateOf(a), dateOf(Math.min(to, a + ACK_HISTORY_DAYS - 1)))) {
      const i = dayNo(r.date) - k.first;
      if (i >= 0 && i < k.dues.length) k.dues[i] = r.dueAt;
    }
  }
}

/** Makes `k` (created if need be) hold every date from..to, asking ackDue only for the missing ones. */
function cover(ackDue: AckDue, from: number, to: number): Known {
  let k = known.get(ackDue);
  if (!k) {
    k = { first: from, dues: new Array<Date | null>(to - from + 1).fill(null) };
    known.set(ackDue, k);
    fill(k, ackDue, from, to);
    return k;
  }
  if (from < k.first) {
    const below = k.first - from;
    const old = k;
    k = { first: from, dues: [...new Array<Date | null>(below).fill(null), ...old.dues] };
    known.set(ackDue, k);
    fill(k, ackDue, from, from + below - 1);
  }
  const last = k.first + k.dues.length - 1;
  if (to > last) {
    k.dues.push(...new Array<Date | null>(to - last).fill(null));
    fill(k, ackDue, last + 1, to);
  }
  return k;
}

/**
 * Whether the window sent from `from` held every date an assignment from `firstDay` on needs: the
 * dates from max(firstDay, today − ACK_HISTORY_DAYS) to today.
 */
export function ackWindowCovers(from: string | null, firstDay: string, today: string): boolean {
  const need = Math.max(dayNo(firstDay), dayNo(today) - ACK_HISTORY_DAYS);
  if (need > dayNo(today)) return true;
  return from !== null && Math.max(dayNo(from), dayNo(today) - ACK_HISTORY_DAYS) <= need;
}

/**
 * The deadlines of the dates from `from` (the first assignment date, or any earlier date) to
 * `today`, none older than ACK_HISTORY_DAYS before it: what ackDue(first, today) gave before,
 * from the per-function table.
 */
export function ackWindow(ackDue: AckDue, from: string, today: string): AckWindow {
  const lo = Math.max(dayNo(from), dayNo(today) - ACK_HISTORY_DAYS);
  const hi = dayNo(today);
  if (lo > hi) return EMPTY;
  const k = cover(ackDue, lo, hi);
  if (k.sent?.from === lo && k.sent.to === hi) return k.sent.window;
  const slice = k.dues.slice(lo - k.first, hi - k.first + 1);
  // Leading and trailing dates without a deadline are dropped, as the array built from ackDue's rows had them.
  let a = 0;
  let b = slice.length - 1;
  while (a <= b && !slice[a]) a++;
  while (b >= a && !slice[b]) b--;
  const window = a > b ? EMPTY : windowOf(dateOf(lo + a), slice.slice(a, b + 1));
  k.sent = { from: lo, to: hi, window };
  return window;
}

/** The literals of one window; the flag is against ACK_COUNTS_DUE_TIME (HH:MM), the time report_ack_counts counts. */
function windowOf(first: string, dues: (Date | null)[]): AckWindow {
  const text = (f: (d: Date) => string) => `{${dues.map((d) => (d ? f(d) : 'NULL')).join(',')}}`;
  const literal = (f: (d: Date) => string) => sql.param(text(f));
  const window: AckWindow = { first, dues: literal((d) => `"${d.toISOString()}"`) };
  if (dues.some((d) => d && d.getTime() < SHANGHAI_FIXED_FROM)) return window;
  const counted = (Number(ACK_COUNTS_DUE_TIME.slice(0, 2)) * 60 + Number(ACK_COUNTS_DUE_TIME.slice(3, 5))) * 60_000;
  const local = (d: Date) => d.getTime() + 8 * HOUR;
  const atCounted = (d: Date) => ((local(d) % (24 * HOUR)) + 24 * HOUR) % (24 * HOUR) === counted;
  const dueDay = (d: Date) => new Date(local(d)).toISOString().slice(0, 10);
  window.perDate = {
    dueDays: literal(dueDay),
    atCountedTime: literal((d) => (atCounted(d) ? 't' : 'f')),
    allAtCountedTime: dues.every((d) => !d || atCounted(d)),
  };
  if (window.perDate.allAtCountedTime) window.fingerprint = createHash('sha256').update(`${first} ${text(dueDay)}`).digest('base64url').slice(0, 32);
  return window;
}
