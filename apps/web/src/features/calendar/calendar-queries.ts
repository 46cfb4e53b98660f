import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type CalendarDay = components['schemas']['CalendarDayResponse'];
export type CalendarDayKind = CalendarDay['kind'];
export type NoticePreview = components['schemas']['NoticePreviewResponse'];

export const calendarKeys = {
  all: ['work-calendar'] as const,
  year: (year: number) => [...calendarKeys.all, year] as const,
};

/** The year's special days (holidays, 调休 workdays, local rest days) and whether it is complete. */
export const useCalendarYear = (year: number) =>
  useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: () => unwrap(api.GET('/work-calendar', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });

function useCalendarChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: calendarKeys.all });
}

/** Adds (or replaces) and removes days in one change; any bad day refuses all of it. */
export function useChangeDays() {
  const changed = useCalendarChanged();
  return useMutation({
    mutationFn: (body: { add?: Omit<CalendarDay, 'source'>[]; remove?: string[] }) => unwrap(api.POST('/work-calendar/days', { body })),
    onSuccess: changed,
  });
}

export function useSetYearComplete() {
  const changed = useCalendarChanged();
  return useMutation({
    mutationFn: (body: { year: number; complete: boolean }) => unwrap(api.PUT('/work-calendar/years', { body })),
    onSuccess: changed,
  });
}

/** The days a State Council notice gives, read without writing anything. */
export const usePreviewNotice = () => useMutation({ mutationFn: (text: string) => unwrap(api.POST('/work-calendar/notices/preview', { body: { text } })) });

export function useImportNotice() {
  const changed = useCalendarChanged();
  return useMutation({ mutationFn: (text: string) => unwrap(api.POST('/work-calendar/notices', { body: { text } })), onSuccess: changed });
}
