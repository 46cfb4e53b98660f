import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';

/** Real files of each kind the evidence allow-list knows, built in memory for tests and benchmarks. */

/** A PDF of about `size` bytes: a valid header, then random bytes (content checks read only the start). */
export function pdf(size = 64 * 1024): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length))]);
}

/** A 1×1 PNG. */
export const png = (): Buffer =>
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The start of a JPEG (JFIF) followed by filler: what a camera's file begins with. */
export const jpg = (): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]), randomBytes(2048), Buffer.from([0xff, 0xd9])]);

/** An HEIC image's ftyp box (as iPhones write) and filler. */
export const heic = (): Buffer => {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic')]);
  return Buffer.concat([ftyp, randomBytes(4096)]);
};

/** A Windows executable's DOS header and PE signature. */
export const exe = (): Buffer => {
  const b = Buffer.alloc(4096);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
};

async function zipOf(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, data] of Object.entries(entries)) z.file(name, data);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export const docx = () => zipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' });
export const xlsx = () => zipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', 'xl/workbook.xml': '<workbook/>' });
export const ofd = () => zipOf({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' });
export const zip = () => zipOf({ '照片/现场1.txt': '现场照片说明', 'readme.txt': randomBytes(1000) });

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const DIFAT_SECTOR = 0xfffffffc;

/**
 * An OLE compound file ([MS-CFB], 512-byte sectors) whose directory lists `streams` (WordDocument
 * for .doc, Workbook for .xls). `directoryAt` places the directory far into the file, so that
 * finding it needs a FAT sector named by a DIFAT sector (files over ~7 MB).
 */
export function ole(streams: string[], opts: { directoryAt?: number } = {}): Buffer {
  const dir = opts.directoryAt ?? 1;
  const total = dir + 1;
  const fatCount = Math.ceil((total + 8) / 128);
  const difatCount = fatCount > 109 ? Math.ceil((fatCount - 109) / 127) : 0;
  // Layout: FAT sectors from 0 … then DIFAT sectors; the directory (and filler before it) after them.
  const fatAt = (i: number) => i;
  const difatAt = (i: number) => fatCount + i;
  if (dir < fatCount + difatCount) throw new Error('directoryAt must lie after the FAT and DIFAT sectors');
  const sectors = dir + 1;
  const out = Buffer.alloc((sectors + 1) * 512);
  const sector = (n: number) => out.subarray((n + 1) * 512, (n + 2) * 512);
  // Header
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x3e, 0x18);
  out.writeUInt16LE(3, 0x1a);
  out.writeUInt16LE(0xfffe, 0x1c);
  out.writeUInt16LE(9, 0x1e);
  out.writeUInt16LE(6, 0x20);
  out.writeUInt32LE(fatCount, 0x2c);
  out.writeUInt32LE(dir, 0x30);
  out.writeUInt32LE(4096, 0x38);
  out.writeUInt32LE(END_OF_CHAIN, 0x3c);
  out.writeUInt32LE(difatCount ? difatAt(0) : END_OF_CHAIN, 0x44);
  out.writeUInt32LE(difatCount, 0x48);
  for (let i = 0; i < 109; i++) out.writeUInt32LE(i < fatCount ? fatAt(i) : FREE, 0x4c + i * 4);
  for (let d = 0; d < difatCount; d++) {
    const s = sector(difatAt(d));
    for (let i = 0; i < 127; i++) {
      const idx = 109 + d * 127 + i;
      s.writeUInt32LE(idx < fatCount ? fatAt(idx) : FREE, i * 4);
    }
    s.writeUInt32LE(d + 1 < difatCount ? difatAt(d + 1) : END_OF_CHAIN, 127 * 4);
  }
  // FAT: every sector free except the FAT, DIFAT and directory sectors.
  const setFat = (n: number, v: number) => sector(fatAt(Math.floor(n / 128))).writeUInt32LE(v, (n % 128) * 4);
  for (let n = 0; n < fatCount * 128; n++) setFat(n, FREE);
  for (let i = 0; i < fatCount; i++) setFat(fatAt(i), FAT_SECTOR);
  for (let i = 0; i < difatCount; i++) setFat(difatAt(i), DIFAT_SECTOR);
  setFat(dir, END_OF_CHAIN);
  // Directory: the root entry and up to three streams.
  const entries = [{ name: 'Root Entry', type: 5 }, ...streams.slice(0, 3).map((name) => ({ name, type: 2 }))];
  const d = sector(dir);
  entries.forEach((e, i) => {
    const off = i * 128;
    d.write(e.name, off, 'utf16le');
    d.writeUInt16LE((e.name.length + 1) * 2, off + 0x40);
    d[off + 0x42] = e.type;
    d.writeUInt32LE(FREE, off + 0x44);
    d.writeUInt32LE(FREE, off + 0x48);
    d.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : FREE, off + 0x4c);
    d.writeUInt32LE(END_OF_CHAIN, off + 0x74);
  });
  return out;
}
