import { classifyOle, classifyZip, ContentKind, ZIP_MAX_DECLARED_BYTES } from '@app/domain';
import { loadFileType } from './file-type-loader';
import { oleStreamNames } from './ole-entries';
import { StoredObjectReader } from './random-access';
import { zipEntryNames } from './zip-entries';

/** How many leading bytes sniffHead needs (file-type's own detection window). */
export const HEAD_BYTES = 4100;

/** What the first bytes say. A container (zip, OLE) must be opened to say more: see inspectContainer. */
export interface HeadSniff {
  content: ContentKind;
  container: 'zip' | 'ole' | null;
}

const ZIP_MAGICS = [Buffer.from('PK\x03\x04'), Buffer.from('PK\x05\x06')];
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const KNOWN: Record<string, ContentKind> = { pdf: { kind: 'pdf' }, jpg: { kind: 'jpg' }, png: { kind: 'png' }, heic: { kind: 'heic' } };

export async function sniffHead(head: Buffer): Promise<HeadSniff> {
  if (ZIP_MAGICS.some((m) => head.subarray(0, 4).equals(m))) return { content: { kind: 'zip' }, container: 'zip' };
  if (head.subarray(0, 8).equals(OLE_MAGIC)) return { content: { kind: 'ole-other' }, container: 'ole' };
  const { fileTypeFromBuffer } = await loadFileType();
  const t = await fileTypeFromBuffer(head);
  if (!t) return { content: { kind: 'unknown' }, container: null };
  return { content: KNOWN[t.ext] ?? { kind: 'other', ext: t.ext, mime: t.mime }, container: null };
}

/** A stored container's kind from the names inside it; an unreadable container is `unknown`. */
export async function inspectContainer(object: StoredObjectReader, container: 'zip' | 'ole'): Promise<ContentKind> {
  if (container === 'zip') {
    const listing = await zipEntryNames(object);
    if (!listing) return { kind: 'unknown' };
    // A zip bomb is refused on what it declares: nothing here (nor a reader later) inflates it.
    return listing.declaredBytes > ZIP_MAX_DECLARED_BYTES ? { kind: 'zip-bomb' } : classifyZip(listing.names);
  }
  const names = await oleStreamNames(object);
  return names ? classifyOle(names) : { kind: 'unknown' };
}
