import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type PlanSummary = components['schemas']['PlanSummaryResponse'];
export type Unit = components['schemas']['UnitResponse'];

export const directoryKeys = {
  plans: (q: string) => ['plans', 'list', q] as const,
  units: (q: string) => ['units', 'list', q] as const,
};

/** Plans to pick from (a filter, a link): the newest 200 matching the typed words. */
export function usePlanOptions(q = '') {
  return useQuery({
    queryKey: directoryKeys.plans(q),
    queryFn: () => unwrap(api.GET('/plans', { params: { query: { limit: 200, ...(q ? { q } : {}) } } })),
    staleTime: 60_000,
  });
}

/** Units to pick from, matching the typed words (a city has a few hundred). */
export function useUnitOptions(q = '') {
  return useQuery({
    queryKey: directoryKeys.units(q),
    queryFn: () => unwrap(api.GET('/units', { params: { query: { limit: 200, ...(q ? { q } : {}) } } })),
    staleTime: 60_000,
  });
}
