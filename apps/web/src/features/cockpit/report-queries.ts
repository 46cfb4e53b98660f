import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Summary = components['schemas']['SummaryReportResponse'];
export type UnitRow = components['schemas']['UnitReportResponse'];
export type TrendRow = components['schemas']['TrendRowResponse'];
export type IndicatorRow = components['schemas']['IndicatorReportResponse'];
export type OverdueRow = components['schemas']['OverdueReportResponse'];

/** The filters every report takes (the 驾驶舱 uses the plan). */
export interface ReportFilter {
  planId?: string;
}

const reportKeys = {
  all: ['reports'] as const,
  one: (name: string, f: object) => [...reportKeys.all, name, f] as const,
};

/** JSON only: the reports answer CSV/XLSX too, which the 驾驶舱 never asks for. */
async function json<T>(call: Promise<{ data?: T | string; error?: unknown; response: Response }>): Promise<T> {
  const data = await unwrap(call);
  if (typeof data === 'string') throw new Error('expected JSON');
  return data;
}

const opts = { placeholderData: keepPreviousData, refetchInterval: 60_000 } as const;

export const useSummary = (f: ReportFilter) =>
  useQuery({ queryKey: reportKeys.one('summary', f), queryFn: () => json(api.GET('/reports/summary', { params: { query: { ...f, format: 'json' } } })), ...opts });

export const useUnitRanking = (f: ReportFilter, limit = 10) =>
  useQuery({
    queryKey: reportKeys.one('units', { ...f, limit }),
    queryFn: () => json(api.GET('/reports/units', { params: { query: { ...f, format: 'json', limit, sort: 'completionRate:desc' } } })),
    ...opts,
  });

export const useTrend = (f: ReportFilter, interval: 'week' | 'month') =>
  useQuery({
    queryKey: reportKeys.one('trend', { ...f, interval }),
    queryFn: () => json(api.GET('/reports/trend', { params: { query: { ...f, format: 'json', interval } } })),
    ...opts,
  });

export const useIndicators = (f: ReportFilter, limit = 10) =>
  useQuery({
    queryKey: reportKeys.one('indicators', { ...f, limit }),
    queryFn: () => json(api.GET('/reports/indicators', { params: { query: { ...f, format: 'json', limit } } })),
    ...opts,
  });

export const useOverdue = (f: ReportFilter, limit = 10) =>
  useQuery({
    queryKey: reportKeys.one('overdue', { ...f, limit }),
    queryFn: () => json(api.GET('/reports/overdue', { params: { query: { ...f, format: 'json', limit } } })),
    ...opts,
  });
