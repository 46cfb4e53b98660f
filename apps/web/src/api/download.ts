import { api } from './client';
import { ApiError } from './errors';
import type { paths } from './schema';

type GetPath = { [P in keyof paths]: paths[P] extends { get: unknown } ? P : never }[keyof paths];

/**
 * Saves a file the API sends (a report as CSV/XLSX). Through the API client, so the session's token
 * goes with it; the file name is the one the API gives (Content-Disposition filename*).
 */
export async function download(path: GetPath, params: { query?: Record<string, unknown>; path?: Record<string, string> }, fallbackName: string): Promise<void> {
  // The typed client cannot know every path's query here; the API validates it.
  const get = api.GET as unknown as (p: string, o: object) => Promise<{ data?: Blob; error?: unknown; response: Response }>;
  const { data, error, response } = await get(path, { params, parseAs: 'blob' });
  if (!response.ok || !data) throw ApiError.from(response.status, error);
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fileNameOf(header: string | null): string | null {
  const star = header && /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = header && /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1] : null;
}
