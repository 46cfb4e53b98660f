import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ApiError } from '../../api/errors';
import { taskKeys } from '../tasks/task-queries';

export type ImportDetail = components['schemas']['ImportDetailResponse'];
export type ImportPreview = components['schemas']['ImportPreviewResponse'];
export type DraftEdit = components['schemas']['DraftEditDto'];
export type UnitProposal = components['schemas']['UnitProposalResponse'];
export type OcrProgress = components['schemas']['OcrProgressResponse'];

/** How often a scan's page is asked for while the worker reads it: pages take seconds each. */
export const OCR_POLL_MS = 2000;

/** The draft's shape (the import contract of DESIGN.md); the API types it as an open object. */
export interface DraftIndicator {
  name: string;
  value: number;
  unit: string;
  comparator: string;
  deadline: string | null;
}
export interface DraftTask {
  code: string;
  title: string;
  deadline: string;
  deadlineText: string | null;
  leadUnits: string[];
  responsibleUnits: string[];
  assistingUnits: string[];
  steps: { code: string; text: string }[];
  indicators: DraftIndicator[];
  /** Persons the document names for the item (责任领导 / 责任人): people, not units. */
  leaders?: string[];
  contacts?: string[];
}
export interface Draft {
  plan: { title: string; issuer: string; year: number; docNumber: string | null; periodStart: string; periodEnd: string };
  targets: { code: string; text: string; indicators: DraftIndicator[] }[];
  tasks: DraftTask[];
  warnings: { line: number; message: string }[];
}
export interface ImportDiff {
  added: string[];
  removed: string[];
  changed: { code: string; fields: string[] }[];
}

export const importKeys = { one: (id: string) => ['imports', id] as const };

/** One import; while its scan waits for OCR it is read again every OCR_POLL_MS, and no more once that ends. */
export const useImport = (id: string) =>
  useQuery({
    queryKey: importKeys.one(id),
    queryFn: () => unwrap(api.GET('/imports/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data?.status === 'ocr_pending' ? OCR_POLL_MS : false),
  });

/** Uploads a plan document for a preview (nothing is saved to plans yet). */
export function useUploadPlan() {
  return useMutation({
    mutationFn: async (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      // multipart: the client sends the FormData as it is (no JSON body serialiser).
      return unwrap(api.POST('/imports', { body: body as never, bodySerializer: (b: unknown) => b as FormData }));
    },
  });
}

/** Corrections of the preview, all or none, on the version read; a stale version reloads the draft. */
export function useCorrectImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { version: number; edits: DraftEdit[] }) => unwrap(api.PATCH('/imports/{id}', { params: { path: { id } }, body: v })),
    onSuccess: (data) => qc.setQueryData(importKeys.one(id), data),
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: importKeys.one(id) });
    },
  });
}

export function useCommitImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/imports/{id}/commit', { params: { path: { id } } })),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: importKeys.one(id) }), qc.invalidateQueries({ queryKey: taskKeys.all }), qc.invalidateQueries({ queryKey: ['plans'] })]),
  });
}
