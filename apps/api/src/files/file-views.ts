import { evidenceLabel, EVIDENCE_KINDS, EvidenceKind } from '@app/domain';
import type { FileView } from '@app/persistence';
import { FileResponse } from './files.response';

/** Plan documents come in the importer's formats, which are not evidence kinds. */
const DOCUMENT_LABELS: Record<string, string> = { txt: '文本文件', html: '网页', htm: '网页', csv: 'CSV 表格' };

export const typeLabel = (kind: string): string =>
  (EVIDENCE_KINDS as readonly string[]).includes(kind) ? evidenceLabel(kind as EvidenceKind) : (DOCUMENT_LABELS[kind] ?? kind.toUpperCase());

export const downloadUrl = (id: string): string => `/files/${id}/content`;

export const toFileResponse = (f: FileView): FileResponse => ({
  id: f.id,
  name: f.name,
  size: Number(f.size),
  type: f.kind,
  typeLabel: typeLabel(f.kind),
  mime: f.mime,
  sha256: f.sha256,
  uploadedBy: f.uploadedBy ? { id: f.uploadedBy, name: f.uploaderName } : null,
  uploadedAt: new Date(f.uploadedAt).toISOString(),
  attachedTo:
    f.attachedTo && f.attachedAt
      ? {
          kind: f.attachedTo,
          taskId: f.taskId,
          planId: f.planId,
          progressReportId: f.progressReportId,
          commentId: f.commentId,
          at: new Date(f.attachedAt).toISOString(),
        }
      : null,
  downloadUrl: downloadUrl(f.id),
});

/** Files grouped by an owner column, for lists that show each row's files. */
export function filesBy(files: FileView[], owner: (f: FileView) => string | null): Map<string, FileResponse[]> {
  const out = new Map<string, FileResponse[]>();
  for (const f of files) {
    const k = owner(f);
    if (!k) continue;
    out.set(k, [...(out.get(k) ?? []), toFileResponse(f)]);
  }
  return out;
}
