import { keepPreviousData, QueryClient, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useRefreshingMutation } from '../../api/mutations';
import { primeFromBoot } from '../../api/prefetched';
import type { components } from '../../api/schema';
import { isLedger, ledgerPath } from '../../boot/early';
import { taskKeys } from '../tasks/task-queries';
import { LedgerQuery, ledgerQueryFrom } from './ledger-query';

export type TaskSummary = components['schemas']['TaskSummaryResponse'];
export type FailedReminder = components['schemas']['FailedReminderResponse'];

export const supervisionKeys = {
  all: [...taskKeys.all, 'supervision'] as const,
  list: (q: LedgerQuery) => [...supervisionKeys.all, 'list', q] as const,
  failed: (page: number) => [...supervisionKeys.all, 'failed', page] as const,
};

/** One page of the items the caller may see (GET /tasks), by the 总台账's filters. */
const askLedger = (q: LedgerQuery) => () => unwrap(api.GET('/tasks', { params: { query: q } }));

export function useLedger(q: LedgerQuery) {
  return useQuery({
    queryKey: supervisionKeys.list(q),
    queryFn: askLedger(q),
    placeholderData: keepPreviousData,
  });
}

export function useFailedReminders(page: number, limit: number) {
  return useQuery({
    queryKey: supervisionKeys.failed(page),
    queryFn: () => unwrap(api.GET('/reminders/failed', { params: { query: { page, limit } } })),
    placeholderData: keepPreviousData,
  });
}

export function useRetryReminder() {
  return useRefreshingMutation((id: string) => unwrap(api.POST('/reminders/{id}/retry', { params: { path: { id } } })), supervisionKeys.all);
}

/** 催办 now (POST /tasks/urge); the key makes a retry after a lost answer queue nothing twice. */
export function useUrge() {
  return useRefreshingMutation(
    (v: { taskIds: string[]; note?: string; idempotencyKey: string }) =>
      unwrap(api.POST('/tasks/urge', { body: { taskIds: v.taskIds, note: v.note }, params: { header: { 'Idempotency-Key': v.idempotencyKey } } })),
    taskKeys.all,
  );
}

/** On the 总台账: the boot script's early GET /tasks (boot/boot.ts) goes straight into the cache. */
export function primeLedgerFromBoot(qc: QueryClient): void {
  if (!isLedger(location)) return;
  const q = ledgerQueryFrom(new URLSearchParams(location.search));
  primeFromBoot(qc, supervisionKeys.list(q), ledgerPath(q), askLedger(q));
}
