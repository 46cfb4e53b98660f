import { columnRole } from './headings';

export type DocumentType = 'txt' | 'html' | 'docx' | 'xlsx' | 'csv';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** The container a file really is, whatever its name says (a .docx that is a PDF reads as a PDF). */
export function sniffBinary(buf: Buffer): DocumentType | 'zip' | 'ole' | 'pdf' | 'ofd' | 'image' | null {
  if (buf.subarray(0, 4).equals(ZIP)) {
    // Zip entry names are stored uncompressed, so the container's kind is visible in the bytes.
    if (buf.includes('word/document.xml') || buf.includes('word/')) return 'docx';
    if (buf.includes('xl/workbook.xml') || buf.includes('xl/')) return 'xlsx';
    if (buf.includes('OFD.xml')) return 'ofd';
    return 'zip';
  }
  if (buf.subarray(0, 4).equals(OLE)) return 'ole';
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (/^(\x89PNG|GIF8|\xff\xd8\xff|II\*\x00|MM\x00\*)/.test(buf.subarray(0, 4).toString('latin1'))) return 'image';
  return null;
}

/** Text that is a CSV task list: its first rows split evenly and one of them names columns. */
export function looksLikeCsv(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).slice(0, 15);
  for (const d of [',', '\t', ';']) {
    for (const l of lines) {
      const cells = l.split(d);
      if (cells.length < 3) continue;
      const known = cells.filter((c) => columnRole(c.replace(/^"|"$/g, ''))).length;
      if (known >= 2) return true;
    }
  }
  return false;
}

export function extensionType(fileName: string): DocumentType | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  switch (ext) {
    case 'txt':
    case 'text':
      return 'txt';
    case 'htm':
    case 'html':
    case 'shtml':
    case 'xhtml':
      return 'html';
    case 'docx':
      return 'docx';
    case 'xlsx':
      return 'xlsx';
    case 'csv':
      return 'csv';
    default:
      return null;
  }
}
