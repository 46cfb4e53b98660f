import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useRefreshingMutation } from '../../api/mutations';

export type InboxFilter = { page: number; unread?: boolean; level?: 'blue' | 'yellow' | 'red' };

/** One key factory for the inbox: every query and mutation below names its keys from here. */
export const inboxKeys = {
  all: ['inbox'] as const,
  unread: () => [...inboxKeys.all, 'unread'] as const,
  list: (f: InboxFilter) => [...inboxKeys.all, 'list', f] as const,
};

export const askUnread = async () => (await unwrap(api.GET('/me/notifications', { params: { query: { limit: 1 } } }))).unread;

export function useUnreadCount() {
  return useQuery({
    queryKey: inboxKeys.unread(),
    queryFn: askUnread,
    refetchInterval: 60_000,
  });
}

export function useInbox(f: InboxFilter) {
  return useQuery({
    queryKey: inboxKeys.list(f),
    queryFn: () => unwrap(api.GET('/me/notifications', { params: { query: { page: f.page, limit: 20, unread: f.unread, level: f.level } } })),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  return useRefreshingMutation((id: string) => unwrap(api.POST('/me/notifications/{id}/read', { params: { path: { id } } })), inboxKeys.all);
}

export function useMarkAllRead() {
  return useRefreshingMutation(() => unwrap(api.POST('/me/notifications/read-all')), inboxKeys.all);
}
