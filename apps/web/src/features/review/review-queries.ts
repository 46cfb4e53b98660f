import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { taskKeys } from '../tasks/task-queries';

export const useTaskFiles = (id: string) =>
  useQuery({ queryKey: [...taskKeys.item(id), 'files'], queryFn: () => unwrap(api.GET('/tasks/{id}/files', { params: { path: { id } } })) });

/** After a decision: the item, every list it appears in (queues, 总台账, 工作台). */
function useDecided() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: taskKeys.all });
}

/** A refusal as stale (409) reloads the item, so the supervisor decides on what is true now. */
function staleReload(id: string, qc: ReturnType<typeof useQueryClient>) {
  return (e: unknown) => {
    if (e instanceof ApiError && e.stale) void qc.invalidateQueries({ queryKey: taskKeys.item(id) });
  };
}

/** 审核: approve (办结) or return (退回) with a reason. */
export function useReview(id: string) {
  const decided = useDecided();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { decision: 'approve' | 'return'; reason?: string; version: number }) =>
      unwrap(api.POST('/tasks/{id}/review', { params: { path: { id } }, body: v })),
    onSuccess: decided,
    onError: staleReload(id, qc),
  });
}

/** 延期审批: approve (the deadline moves, the original stays) or reject with a reason. */
export function useDecideExtension(taskId: string) {
  const decided = useDecided();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { extensionId: string; decision: 'approve' | 'reject'; reason?: string; version: number }) =>
      unwrap(
        api.POST('/extensions/{id}/decision', {
          params: { path: { id: v.extensionId } },
          body: { decision: v.decision, reason: v.reason, version: v.version },
        }),
      ),
    onSuccess: decided,
    onError: staleReload(taskId, qc),
  });
}
