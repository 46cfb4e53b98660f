import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useRefreshingMutation } from '../../api/mutations';
import type { components } from '../../api/schema';

export type User = components['schemas']['UserResponse'];
export type CreateUser = components['schemas']['CreateUserDto'];
export type UpdateUser = components['schemas']['UpdateUserDto'];
export type Unit = components['schemas']['UnitResponse'];
export type CreateUnit = components['schemas']['CreateUnitDto'];
export type UpdateUnit = components['schemas']['UpdateUnitDto'];

export const adminKeys = {
  users: (q: object) => ['admin', 'users', q] as const,
  allUnits: ['units', 'all'] as const,
};

export const useUsers = (q: { q?: string; page: number; limit: number }) =>
  useQuery({ queryKey: adminKeys.users(q), queryFn: () => unwrap(api.GET('/users', { params: { query: q } })), placeholderData: keepPreviousData });

/**
 * The create and change hooks of one directory list (users, units). Both refresh the list; a failed
 * change refreshes it too, since the row may have moved on (a stale version) and the form shows it again.
 */
function editableList<Create, Update, Row>(
  listKey: readonly unknown[],
  create: (body: Create) => Promise<Row>,
  update: (id: string, body: Update) => Promise<Row>,
) {
  const useChanged = () => {
    const qc = useQueryClient();
    return () => qc.invalidateQueries({ queryKey: listKey });
  };
  const useCreate = () => useMutation({ mutationFn: create, onSuccess: useChanged() });
  const useUpdate = () => {
    const changed = useChanged();
    return useMutation({ mutationFn: (v: { id: string; body: Update }) => update(v.id, v.body), onSuccess: changed, onError: changed });
  };
  return { useChanged, useCreate, useUpdate };
}

const users = editableList(
  ['admin', 'users'],
  (body: CreateUser) => unwrap(api.POST('/users', { body })),
  (id, body: UpdateUser) => unwrap(api.PATCH('/users/{id}', { params: { path: { id } }, body })),
);
export const useCreateUser = users.useCreate;
export const useUpdateUser = users.useUpdate;

/** Every unit (a city has a few hundred): pages of 200 until the total, for the tree. */
export function useAllUnits() {
  return useQuery({
    queryKey: adminKeys.allUnits,
    queryFn: async () => {
      const out: Unit[] = [];
      for (let page = 1; ; page++) {
        const r = await unwrap(api.GET('/units', { params: { query: { page, limit: 200 } } }));
        out.push(...r.items);
        if (out.length >= r.total || r.items.length === 0) return out;
      }
    },
  });
}

const units = editableList(
  ['units'],
  (body: CreateUnit) => unwrap(api.POST('/units', { body })),
  (id, body: UpdateUnit) => unwrap(api.PATCH('/units/{id}', { params: { path: { id } }, body })),
);
export const useCreateUnit = units.useCreate;
export const useUpdateUnit = units.useUpdate;

export function usePreviewDirectory() {
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return unwrap(api.POST('/directory/imports', { body: body as never, bodySerializer: (b: unknown) => b as FormData }));
    },
  });
}

export function useCommitDirectory() {
  const unitsChanged = units.useChanged();
  const usersChanged = users.useChanged();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/directory/imports/{id}/commit', { params: { path: { id } } })),
    onSuccess: () => Promise.all([unitsChanged(), usersChanged()]),
  });
}

/** Ends every session of a user: logins and personal API tokens (POST /users/:id/sessions/revoke). */
export const useRevokeSessions = () => useMutation({ mutationFn: (id: string) => unwrap(api.POST('/users/{id}/sessions/revoke', { params: { path: { id } } })) });

const webhookKey = (unitId: string) => ['units', unitId, 'webhook'] as const;

/** A unit's robot: its format and host (never the URL, which may hold the robot's key). */
export const useUnitWebhook = (unitId: string) =>
  useQuery({ queryKey: webhookKey(unitId), queryFn: () => unwrap(api.GET('/units/{id}/webhook', { params: { path: { id: unitId } } })) });

export function useSetUnitWebhook(unitId: string) {
  return useRefreshingMutation(
    (body: { url: string | null; format: 'json' | 'wecom' | 'dingtalk' | 'feishu' }) =>
      unwrap(api.PUT('/units/{id}/webhook', { params: { path: { id: unitId } }, body })),
    webhookKey(unitId),
  );
}

export const useTestUnitWebhook = (unitId: string) =>
  useMutation({ mutationFn: () => unwrap(api.POST('/units/{id}/webhook/test', { params: { path: { id: unitId } } })) });
