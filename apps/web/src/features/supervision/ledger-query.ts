import type { operations } from '../../api/schema';

/** The filters of GET /tasks, as the 总台账 and the queues use them. */
export type LedgerQuery = NonNullable<operations['TasksController_list']['parameters']['query']>;
export type LedgerSort = NonNullable<LedgerQuery['sort']>;

const TEXT_KEYS = ['planId', 'unitId', 'status', 'light', 'dueFrom', 'dueTo', 'q', 'sort'] as const;
const BOOL_KEYS = ['overdue', 'extensionPending'] as const;
export const LEDGER_PAGE_SIZE = 50;

/**
 * The 总台账's filters live in the address (a link shared is the same view): read them back, dropping
 * what the API would refuse, so an edited link shows the items rather than an error.
 */
export function ledgerQueryFrom(params: URLSearchParams): LedgerQuery {
  const q: Record<string, unknown> = {};
  for (const k of TEXT_KEYS) {
    const v = params.get(k)?.trim();
    if (v) q[k] = v;
  }
  for (const k of BOOL_KEYS) {
    const v = params.get(k);
    if (v === 'true' || v === 'false') q[k] = v === 'true';
  }
  q.page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  q.limit = LEDGER_PAGE_SIZE;
  return q as LedgerQuery;
}

/** The address for a set of filters (empty ones left out; page 1 implied). */
export function ledgerSearch(q: Partial<LedgerQuery>): string {
  const out = new URLSearchParams();
  for (const k of [...TEXT_KEYS, ...BOOL_KEYS, 'page'] as const) {
    const v = q[k as keyof LedgerQuery];
    if (v === undefined || v === null || v === '' || (k === 'page' && v === 1)) continue;
    out.set(k, String(v));
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}
