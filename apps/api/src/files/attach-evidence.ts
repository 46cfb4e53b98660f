import { FileRepository, FileTarget, FileView } from '@app/persistence';
import { refusal } from '../common/http-errors';

/**
 * Attaches the caller's uploads to what they are evidence for, inside the caller's transaction:
 * all or nothing. A file that is not the caller's own unattached upload is named in a 422.
 */
export async function attachEvidence(files: FileRepository, uploaderId: string, fileIds: readonly string[] | undefined, target: FileTarget): Promise<FileView[]> {
  const ids = [...new Set(fileIds ?? [])];
  if (!ids.length) return [];
  const attached = await files.attach(ids, uploaderId, target);
  const missing = ids.filter((id) => !attached.some((f) => f.id === id));
  if (missing.length) {
    throw refusal(
      'file_not_attachable',
      missing.map((id) => `fileIds: 文件 ${id} 不存在、已被使用、已过期或不是您上传的，请重新上传`),
    );
  }
  return ids.map((id) => attached.find((f) => f.id === id)!);
}
