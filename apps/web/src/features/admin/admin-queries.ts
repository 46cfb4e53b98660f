import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type User = components['schemas']['UserResponse'];
export type CreateUser = components['schemas']['CreateUserDto'];
export type UpdateUser = components['schemas']['UpdateUserDto'];
export type Unit = components['schemas']['UnitResponse'];
export type CreateUnit = components['schemas']['CreateUnitDto'];
export type UpdateUnit = components['schemas']['UpdateUnitDto'];
export type DirectoryPreview = components['schemas']['DirectoryPreviewResponse'];

export const adminKeys = {
  users: (q: object) => ['admin', 'users', q] as const,
  allUnits: ['units', 'all'] as const,
};

export const useUsers = (q: { q?: string; page: number; limit: number }) =>
  useQuery({ queryKey: adminKeys.users(q), queryFn: () => unwrap(api.GET('/users', { params: { query: q } })), placeholderData: keepPreviousData });

function useUsersChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['admin', 'users'] });
}

export function useCreateUser() {
  const changed = useUsersChanged();
  return useMutation({ mutationFn: (body: CreateUser) => unwrap(api.POST('/users', { body })), onSuccess: changed });
}

export function useUpdateUser() {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: (v: { id: string; body: UpdateUser }) => unwrap(api.PATCH('/users/{id}', { params: { path: { id: v.id } }, body: v.body })),
    onSuccess: changed,
    onError: changed,
  });
}

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

function useUnitsChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['units'] });
}

export function useCreateUnit() {
  const changed = useUnitsChanged();
  return useMutation({ mutationFn: (body: CreateUnit) => unwrap(api.POST('/units', { body })), onSuccess: changed });
}

export function useUpdateUnit() {
  const changed = useUnitsChanged();
  return useMutation({
    mutationFn: (v: { id: string; body: UpdateUnit }) => unwrap(api.PATCH('/units/{id}', { params: { path: { id: v.id } }, body: v.body })),
    onSuccess: changed,
    onError: changed,
  });
}

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
  const units = useUnitsChanged();
  const users = useUsersChanged();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/directory/imports/{id}/commit', { params: { path: { id } } })),
    onSuccess: () => Promise.all([units(), users()]),
  });
}

/** Ends every session of a user: logins and personal API tokens (POST /users/:id/sessions/revoke). */
export const useRevokeSessions = () => useMutation({ mutationFn: (id: string) => unwrap(api.POST('/users/{id}/sessions/revoke', { params: { path: { id } } })) });

const webhookKey = (unitId: string) => ['units', unitId, 'webhook'] as const;

/** A unit's robot: its format and host (never the URL, which may hold the robot's key). */
export const useUnitWebhook = (unitId: string) =>
  useQuery({ queryKey: webhookKey(unitId), queryFn: () => unwrap(api.GET('/units/{id}/webhook', { params: { path: { id: unitId } } })) });

export function useSetUnitWebhook(unitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string | null; format: 'json' | 'wecom' | 'dingtalk' | 'feishu' }) =>
      unwrap(api.PUT('/units/{id}/webhook', { params: { path: { id: unitId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKey(unitId) }),
  });
}

export const useTestUnitWebhook = (unitId: string) =>
  useMutation({ mutationFn: () => unwrap(api.POST('/units/{id}/webhook/test', { params: { path: { id: unitId } } })) });
