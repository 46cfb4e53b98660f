import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { LedgerQuery, ledgerQueryFrom, ledgerSearch } from '../supervision/ledger-query';

export type SavedView = components['schemas']['SavedViewResponse'];

const viewsKey = ['me', 'views', 'ledger'] as const;

/** My saved views of the 总台账 (GET /me/views), by name. */
export const useSavedViews = () => useQuery({ queryKey: viewsKey, queryFn: () => unwrap(api.GET('/me/views', { params: { query: { page: 'ledger' } } })) });

function useViewsChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: viewsKey });
}

export function useSaveView() {
  const changed = useViewsChanged();
  return useMutation({ mutationFn: (body: { name: string; query: string }) => unwrap(api.POST('/me/views', { body: { ...body, page: 'ledger' } })), onSuccess: changed });
}

export function useDeleteView() {
  const changed = useViewsChanged();
  return useMutation({ mutationFn: (id: string) => unwrap(api.DELETE('/me/views/{id}', { params: { path: { id } } })), onSuccess: changed });
}

/**
 * A view is its filters and sort, not the page being read: stored and compared in the address's own form
 * (ledgerSearch), so the view of the current address is found whatever order its link lists them in.
 */
export const viewQuery = (q: Partial<LedgerQuery>): string => ledgerSearch({ ...q, page: 1 }).replace(/^\?/, '');
export const normalisedView = (query: string): string => viewQuery(ledgerQueryFrom(new URLSearchParams(query)));
