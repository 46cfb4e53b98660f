import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type UploadedFile = components['schemas']['FileResponse'];

/**
 * Uploads one evidence file (佐证材料) to POST /files. The file stays unattached — seen only by its
 * uploader — until a report names its id in `fileIds`; an abandoned upload is removed by the API later.
 */
export function uploadEvidence(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    // The generated body type describes the multipart fields; the browser sends the FormData as it is.
    api.POST('/files', { body: form as unknown as { file: string }, bodySerializer: (b) => b as unknown as FormData }),
  );
}

/**
 * Opens or saves a stored file. Downloads need the bearer token, which a plain link cannot carry, so the
 * bytes are fetched through the API client and handed to the browser as a blob.
 */
export async function openStoredFile(file: Pick<UploadedFile, 'id' | 'name'>): Promise<void> {
  const { data, response } = await api.GET('/files/{id}/content', {
    params: { path: { id: file.id }, query: { disposition: 'attachment' } },
    parseAs: 'blob',
  });
  if (!response.ok) throw new Error(`download of ${file.id} answered ${response.status}`);
  // openapi-fetch has read the body already (parseAs: 'blob'); data is that Blob.
  const url = URL.createObjectURL(data as unknown as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
