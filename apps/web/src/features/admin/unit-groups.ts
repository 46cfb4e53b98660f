import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type UnitGroup = components['schemas']['UnitGroupResponse'];
export type UnitGroupFields = components['schemas']['CreateUnitGroupDto'];

const groupsKey = ['units', 'groups'] as const;

/** 单位分组 with their members (GET /unit-groups). */
export const useUnitGroups = () => useQuery({ queryKey: groupsKey, queryFn: () => unwrap(api.GET('/unit-groups')) });

function useGroupsChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: groupsKey });
}

/** Creates a group, or changes one (with the version read); a refusal reloads the list too, so a stale edit shows the fresh group. */
export function useSaveUnitGroup() {
  const changed = useGroupsChanged();
  return useMutation({
    mutationFn: (v: { id: string | null; version: number; body: UnitGroupFields }) =>
      v.id
        ? unwrap(api.PATCH('/unit-groups/{id}', { params: { path: { id: v.id } }, body: { ...v.body, version: v.version } }))
        : unwrap(api.POST('/unit-groups', { body: v.body })),
    onSuccess: changed,
    onError: changed,
  });
}

export function useDeleteUnitGroup() {
  const changed = useGroupsChanged();
  return useMutation({
    mutationFn: (g: { id: string; version: number }) => unwrap(api.DELETE('/unit-groups/{id}', { params: { path: { id: g.id }, query: { version: g.version } } })),
    onSuccess: changed,
    onError: changed,
  });
}
