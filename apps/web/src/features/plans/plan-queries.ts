import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ApiError } from '../../api/errors';
import { taskKeys } from '../tasks/task-queries';

export type PlanDetail = components['schemas']['PlanDetailResponse'];
export type PolicyResponse = components['schemas']['ReminderPolicyResponse'];
export type PolicyStep = components['schemas']['PolicyStepDoc'];
export type ProgressCycle = components['schemas']['ProgressCycleDoc'];
export interface Policy {
  steps: PolicyStep[];
  quietHours: { start: string; end: string } | null;
}

export const planKeys = {
  one: (id: string) => ['plans', 'one', id] as const,
  policy: (id: string) => ['plans', 'one', id, 'policy'] as const,
};

export const usePlan = (id: string) => useQuery({ queryKey: planKeys.one(id), queryFn: () => unwrap(api.GET('/plans/{id}', { params: { path: { id } } })) });

export const usePolicy = (id: string) =>
  useQuery({ queryKey: planKeys.policy(id), queryFn: () => unwrap(api.GET('/plans/{id}/reminder-policy', { params: { path: { id } } })) });

export const useTaskReminders = (taskId: string | null) =>
  useQuery({
    queryKey: [...taskKeys.item(taskId ?? ''), 'reminders'],
    queryFn: () => unwrap(api.GET('/tasks/{id}/reminders', { params: { path: { id: taskId! } } })),
    enabled: !!taskId,
  });

/** After a policy or cycle change: the plan (new version) and every item's schedule. */
function useRescheduled(id: string) {
  const qc = useQueryClient();
  return {
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: planKeys.one(id) }), qc.invalidateQueries({ queryKey: taskKeys.all })]),
    onError: (e: unknown) => {
      if (e instanceof ApiError && e.stale) void qc.invalidateQueries({ queryKey: planKeys.one(id) });
    },
  };
}

export function useSavePolicy(id: string) {
  return useMutation({
    // The body is checked by the domain's validatePolicy; the API documents it loosely.
    mutationFn: (v: { policy: Policy; version: number }) => unwrap(api.PUT('/plans/{id}/reminder-policy', { params: { path: { id } }, body: v as never })),
    ...useRescheduled(id),
  });
}

export function useSaveCycle(id: string) {
  return useMutation({
    mutationFn: (v: { progressCycle: ProgressCycle | null; version: number }) =>
      unwrap(api.PUT('/plans/{id}/progress-cycle', { params: { path: { id } }, body: v as never })),
    ...useRescheduled(id),
  });
}
