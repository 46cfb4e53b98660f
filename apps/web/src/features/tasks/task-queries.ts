import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useRefreshingMutation } from '../../api/mutations';
import type { components } from '../../api/schema';
import { ApiError } from '../../api/errors';
import { primeFromBoot } from '../../api/prefetched';
import { workbenchPaths, workbenchView, WORKBENCH_PAGE_SIZE } from '../../boot/early';
import { askUnread, inboxKeys } from '../inbox/inbox-queries';

export type WorkbenchTab = 'to_acknowledge' | 'in_progress' | 'returned' | 'due_soon' | 'overdue' | 'mine' | 'all';
export type WorkbenchItem = components['schemas']['WorkbenchItemResponse'];
export type TaskDetail = components['schemas']['TaskDetailResponse'];
export type HistoryEvent = components['schemas']['HistoryEventResponse'];
export type Extension = components['schemas']['ExtensionResponse'];
export type Comment = components['schemas']['CommentResponse'];
export type Deadline = components['schemas']['DeadlineResponse'];

/** One key factory for items: lists under workbench, everything about one item under item(id). */
export const taskKeys = {
  all: ['tasks'] as const,
  workbench: () => [...taskKeys.all, 'workbench'] as const,
  counts: () => [...taskKeys.workbench(), 'counts'] as const,
  tab: (tab: WorkbenchTab, page: number, limit: number) => [...taskKeys.workbench(), tab, page, limit] as const,
  people: () => [...taskKeys.workbench(), 'people'] as const,
  members: () => [...taskKeys.all, 'unit-members'] as const,
  item: (id: string) => [...taskKeys.all, 'item', id] as const,
  detail: (id: string) => [...taskKeys.item(id), 'detail'] as const,
  deadline: (id: string) => [...taskKeys.item(id), 'deadline'] as const,
  history: (id: string) => [...taskKeys.item(id), 'history'] as const,
  comments: (id: string) => [...taskKeys.item(id), 'comments'] as const,
  extensions: (id: string) => [...taskKeys.item(id), 'extensions'] as const,
};

const askCounts = () => unwrap(api.GET('/me/tasks/counts'));
const askTab = (tab: WorkbenchTab, page: number, limit: number) => () => unwrap(api.GET('/me/tasks', { params: { query: { tab, page, limit } } }));

export function useWorkbenchCounts() {
  return useQuery({ queryKey: taskKeys.counts(), queryFn: askCounts });
}

export function useWorkbenchTab(tab: WorkbenchTab, page: number, limit: number) {
  return useQuery({
    queryKey: taskKeys.tab(tab, page, limit),
    queryFn: askTab(tab, page, limit),
    placeholderData: keepPreviousData,
  });
}

/** The unit's people with their figures (unit heads; the API refuses staff). */
export function useUnitPeople(enabled: boolean) {
  return useQuery({
    queryKey: taskKeys.people(),
    queryFn: async () => {
      const r = await unwrap(api.GET('/reports/people', { params: { query: { limit: 200, format: 'json' } } }));
      if (typeof r === 'string') throw new Error('expected JSON');
      return r;
    },
    enabled,
  });
}

export const useTask = (id: string) =>
  useQuery({ queryKey: taskKeys.detail(id), queryFn: () => unwrap(api.GET('/tasks/{id}', { params: { path: { id } } })) });

export const useTaskDeadline = (id: string) =>
  useQuery({ queryKey: taskKeys.deadline(id), queryFn: () => unwrap(api.GET('/tasks/{id}/deadline', { params: { path: { id } } })) });

export const useTaskHistory = (id: string) =>
  useQuery({
    queryKey: taskKeys.history(id),
    queryFn: () => unwrap(api.GET('/tasks/{id}/history', { params: { path: { id }, query: { limit: 200 } } })),
  });

export const useTaskComments = (id: string) =>
  useQuery({
    queryKey: taskKeys.comments(id),
    queryFn: () => unwrap(api.GET('/tasks/{id}/comments', { params: { path: { id }, query: { limit: 200 } } })),
  });

export const useTaskExtensions = (id: string) =>
  useQuery({ queryKey: taskKeys.extensions(id), queryFn: () => unwrap(api.GET('/tasks/{id}/extensions', { params: { path: { id } } })) });

/** After any change to an item: the item's own data and every workbench list and count. */
function useItemChanged() {
  const qc = useQueryClient();
  return (id: string) =>
    Promise.all([qc.invalidateQueries({ queryKey: taskKeys.item(id) }), qc.invalidateQueries({ queryKey: taskKeys.workbench() })]);
}

/**
 * A change refused as stale (409) reloads the item at once, so the page shows what is true now
 * and the person can decide again; the form keeps what they typed.
 */
function onStale(changed: (id: string) => Promise<unknown>, id: string) {
  return (e: unknown) => {
    if (e instanceof ApiError && e.stale) void changed(id);
  };
}

export function useAcknowledge() {
  const changed = useItemChanged();
  return useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      unwrap(api.POST('/tasks/{id}/transitions', { params: { path: { id: v.id } }, body: { to: 'acknowledged', version: v.version } })),
    onSuccess: (_d, v) => changed(v.id),
    onError: (e, v) => onStale(changed, v.id)(e),
  });
}

export interface ProgressInput {
  percent: number;
  note: string;
  evidence: string[];
  /** ids of files uploaded through POST /files for this report */
  fileIds: string[];
  indicatorValues: { name: string; value: number }[];
  /** The same key for every retry of one report: a retry after a lost answer is not a second report. */
  idempotencyKey: string;
}

export function useReportProgress(id: string) {
  const changed = useItemChanged();
  return useMutation({
    mutationFn: (v: ProgressInput) =>
      unwrap(
        api.POST('/tasks/{id}/progress', {
          params: { path: { id }, header: { 'Idempotency-Key': v.idempotencyKey } },
          body: { percent: v.percent, note: v.note, evidence: v.evidence, fileIds: v.fileIds, indicatorValues: v.indicatorValues },
        }),
      ),
    onSuccess: () => changed(id),
  });
}

/** 申请办结. A returned item goes back to 办理中 first (the state machine's only way to submit again). */
export function useSubmit(id: string) {
  const changed = useItemChanged();
  return useMutation({
    mutationFn: async (v: { version: number; status: string; note: string }) => {
      let version = v.version;
      if (v.status === 'returned') {
        const moved = await unwrap(api.POST('/tasks/{id}/transitions', { params: { path: { id } }, body: { to: 'in_progress', version } }));
        version = moved.version;
      }
      return unwrap(api.POST('/tasks/{id}/submit', { params: { path: { id } }, body: { version, note: v.note || undefined } }));
    },
    onSuccess: () => changed(id),
    onError: onStale(changed, id),
  });
}

export function useRequestExtension(id: string) {
  const changed = useItemChanged();
  return useMutation({
    mutationFn: (v: { requestedDueAt: string; reason: string; idempotencyKey: string }) =>
      unwrap(
        api.POST('/tasks/{id}/extensions', {
          params: { path: { id }, header: { 'Idempotency-Key': v.idempotencyKey } },
          body: { requestedDueAt: v.requestedDueAt, reason: v.reason },
        }),
      ),
    onSuccess: () => changed(id),
    onError: onStale(changed, id),
  });
}

export function useAddComment(id: string) {
  return useRefreshingMutation(
    (v: { body: string; idempotencyKey: string }) =>
      unwrap(api.POST('/tasks/{id}/comments', { params: { path: { id }, header: { 'Idempotency-Key': v.idempotencyKey } }, body: { body: v.body } })),
    taskKeys.item(id),
  );
}

/** Who of the caller's unit can be named 承办人 (分办). */
export const useUnitMembers = (enabled: boolean) =>
  useQuery({ queryKey: taskKeys.members(), queryFn: () => unwrap(api.GET('/me/unit-members')), enabled });

/** 分办: names the 承办人 of the caller's unit's part (the part's version guards it). */
export function useAssign(id: string) {
  const changed = useItemChanged();
  return useMutation({
    mutationFn: (v: { userId: string; version: number }) => unwrap(api.PUT('/tasks/{id}/assignee', { params: { path: { id } }, body: v })),
    onSuccess: () => changed(id),
    onError: onStale(changed, id),
  });
}

/** Random enough for a retry key; crypto.randomUUID is missing on plain-http intranet addresses. */
export const newIdempotencyKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Seeds the 工作台's queries with the answers the boot script (boot/boot.ts) asked for before this
 * code had loaded. Failures are left to the queries themselves, which ask again when the page mounts.
 */
/** Answers the boot script already asked for (boot/boot.ts) go straight into the cache. */
export function primeWorkbenchFromBoot(qc: QueryClient): void {
  const view = workbenchView(location);
  if (!view) return;
  const paths = workbenchPaths(view);
  const tab = view.tab as WorkbenchTab;
  primeFromBoot(qc, taskKeys.counts(), paths.counts, askCounts);
  primeFromBoot(qc, taskKeys.tab(tab, view.page, WORKBENCH_PAGE_SIZE), paths.list, askTab(tab, view.page, WORKBENCH_PAGE_SIZE));
  primeFromBoot(qc, inboxKeys.unread(), paths.unread, askUnread, (b) => (b as { unread: number }).unread);
}
