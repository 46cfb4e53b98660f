import { QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A change whose success makes what it changed stale: once the API took it, every query under
 * `refreshes` (a key or key prefix) is fetched again before the mutation counts as done.
 */
export function useRefreshingMutation<R, V = void>(mutationFn: (v: V) => Promise<R>, refreshes: QueryKey) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: refreshes }) });
}
