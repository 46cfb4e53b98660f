import { create } from 'content-disposition';
import { extensionOf } from '@app/domain';

/**
 * Content-Disposition for a stored file: the real (Chinese) name as RFC 5987 filename*=UTF-8''…,
 * and an ASCII filename for old clients: the name's ASCII letters, or file-<id> when it has none.
 */
export function dispositionFor(name: string, id: string, inline: boolean): string {
  const ext = extensionOf(name);
  const stem = (ext ? name.slice(0, -(ext.length + 1)) : name)
    .replace(/[^\x20-\x7e]+/g, '_')
    .replace(/["\\%]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[_\s]+|[_\s]+$/g, '');
  const asciiStem = /[A-Za-z0-9]/.test(stem) ? stem : `file-${id.slice(0, 8)}`;
  const fallback = ext ? `${asciiStem}.${ext}` : asciiStem;
  return create(name, { type: inline ? 'inline' : 'attachment', fallback });
}
