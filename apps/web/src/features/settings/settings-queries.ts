import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useRefreshingMutation } from '../../api/mutations';

/** One key factory for the caller's own settings. */
export const settingsKeys = {
  all: ['settings'] as const,
  preferences: () => [...settingsKeys.all, 'preferences'] as const,
  tokens: () => [...settingsKeys.all, 'tokens'] as const,
};

export const usePreferences = () => useQuery({ queryKey: settingsKeys.preferences(), queryFn: () => unwrap(api.GET('/me/preferences')) });

export function useSetDigest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (dailyDigest: boolean) => unwrap(api.PATCH('/me/preferences', { body: { dailyDigest } })),
    onSuccess: (data) => qc.setQueryData(settingsKeys.preferences(), data),
  });
}

/** A new calendar-feed URL (shown once); the previous one stops working. */
export const useNewCalendarFeed = () => useMutation({ mutationFn: () => unwrap(api.POST('/me/calendar-token')) });
export const useRevokeCalendarFeed = () => useMutation({ mutationFn: () => unwrap(api.DELETE('/me/calendar-token')) });

export const useApiTokens = () => useQuery({ queryKey: settingsKeys.tokens(), queryFn: () => unwrap(api.GET('/me/tokens')) });

export function useCreateApiToken() {
  return useRefreshingMutation((v: { name: string; expiresInDays?: number }) => unwrap(api.POST('/me/tokens', { body: { ...v, scope: 'read' } })), settingsKeys.tokens());
}

export function useRevokeApiToken() {
  return useRefreshingMutation((id: string) => unwrap(api.DELETE('/me/tokens/{id}', { params: { path: { id } } })), settingsKeys.tokens());
}

/** Changes my password; the API then ends every login of mine, this one too. */
export const useChangePassword = () =>
  useMutation({ mutationFn: (body: { currentPassword: string; newPassword: string }) => unwrap(api.POST('/me/password', { body })) });
