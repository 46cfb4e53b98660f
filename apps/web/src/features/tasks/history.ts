import { label, UNIT_ROLE } from '../../lib/labels';
import type { HistoryEvent } from './task-queries';

export interface ReportedProgress {
  id: string;
  at: string;
  by: string;
  unitId: string | null;
  percent: number;
  note: string;
  evidence: string[];
  /** files attached to the report (POST /files, then fileIds) */
  files: { id: string; name: string }[];
  indicatorValues: { name: string; value: number }[];
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** Every progress report of the item, newest first, read from its audit trail (each report is one event). */
export function progressReports(events: HistoryEvent[]): ReportedProgress[] {
  return events
    .filter((e) => e.action === 'task.progress_reported')
    .map((e) => {
      const a = obj(e.after);
      return {
        id: e.id,
        at: e.at,
        by: e.actorName ?? '—',
        unitId: typeof a.unitId === 'string' ? a.unitId : null,
        percent: Number(a.percent ?? 0),
        note: String(a.note ?? ''),
        evidence: Array.isArray(a.evidence) ? a.evidence.map(String) : [],
        files: Array.isArray(a.files) ? a.files.map(obj).map((f) => ({ id: String(f.id), name: String(f.name ?? '附件') })) : [],
        indicatorValues: Array.isArray(a.indicatorValues) ? (a.indicatorValues as { name: string; value: number }[]) : [],
      };
    })
    .reverse();
}

/** The latest value reported for each indicator name. */
export function latestIndicatorValues(reports: ReportedProgress[]): Map<string, { value: number; at: string }> {
  const out = new Map<string, { value: number; at: string }>();
  for (const r of reports) for (const v of r.indicatorValues) if (!out.has(v.name)) out.set(v.name, { value: v.value, at: r.at });
  return out;
}

/** The reason recorded with a return, a suspension or a decision, if the event carries one. */
export function reasonOf(e: HistoryEvent): string | null {
  const a = obj(e.after);
  const r = a.reason ?? a.decisionReason ?? null;
  return typeof r === 'string' && r.trim() ? r : null;
}

/** What an assignment change did: the unit, its role, and whether the unit was told (批量指派 may be 不通知). */
export function assignmentOf(e: HistoryEvent): string | null {
  if (e.action !== 'task.assignment_changed') return null;
  const a = obj(e.after);
  if (typeof a.unitName !== 'string') return null;
  return `${a.unitName}（${label(UNIT_ROLE, String(a.role))}）${a.notify === false ? '，未通知该单位' : ''}`;
}
