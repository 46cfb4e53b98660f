import { inflateRawSync } from 'node:zlib';
import { ImportError } from '../errors';

/** What a real plan's .docx/.xlsx never exceeds; a zip bomb does. */
export const ZIP_LIMITS = { maxEntries: 5000, maxTotalBytes: 200 * 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Refuses a zip bomb on the sizes its central directory declares, before inflating anything; then
 * inflates every entry once, each capped at its declared size (a lying entry is refused at that
 * point, not at the total), before the real reader (which would inflate without limit) sees it.
 * Also refuses DTDs in XML parts: Office Open XML never has them, and entity declarations are how
 * XML bombs and external-entity reads start.
 */
export function assertSafeOfficeZip(buf: Buffer, limits = ZIP_LIMITS): void {
  readSafeZip(buf, limits);
}

/** Every entry of a zip, inflated under the same caps and DTD refusal as assertSafeOfficeZip. */
export function readSafeZip(buf: Buffer, limits = ZIP_LIMITS): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const bad = (why: string): never => {
    throw new ImportError('unreadable', `文档压缩结构异常，拒绝读取：${why}`);
  };
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) bad('no central directory');
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries > limits.maxEntries) bad(`${entries} entries`);
  const declared = declaredSize(buf, cdOffset, entries, bad);
  if (declared > limits.maxTotalBytes) {
    throw new ImportError('too_large', `文档声明解压后共 ${Math.ceil(declared / 1024 / 1024)} MB，超过 ${limits.maxTotalBytes / 1024 / 1024} MB，疑似压缩炸弹，拒绝读取`);
  }
  let p = cdOffset;
  let budget = limits.maxTotalBytes;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) bad('broken central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (compressed === 0xffffffff || local === 0xffffffff) bad('zip64 is not used by Office documents');
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) bad(`broken entry ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(budget, size)) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new ImportError('too_large', `文档中的 ${name} 解压后大于其声明的 ${size} 字节，疑似压缩炸弹，拒绝读取`);
        }
        return bad(`entry ${name} cannot be inflated`);
      }
    } else return bad(`compression method ${method}`);
    budget -= content.length;
    if (budget < 0) throw new ImportError('too_large', `文档解压后超过 ${limits.maxTotalBytes / 1024 / 1024} MB，疑似压缩炸弹，拒绝读取`);
    if (/\.(xml|rels)$/i.test(name) && /<!(DOCTYPE|ENTITY)/i.test(content.subarray(0, 64 * 1024).toString('latin1'))) {
      bad(`${name} declares a DTD`);
    }
    files.set(name, content);
  }
  return files;
}

/** The sum of the uncompressed sizes the central directory declares (read before anything is inflated). */
function declaredSize(buf: Buffer, cdOffset: number, entries: number, bad: (why: string) => never): number {
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) bad('broken central directory');
    const size = buf.readUInt32LE(p + 24);
    if (size === 0xffffffff) bad('zip64 is not used by Office documents');
    total += size;
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return total;
}
