/**
 * Which files count as evidence (佐证材料) and how a file's declared type (its extension) is held
 * against what its bytes are. Pure rules: the bytes are read elsewhere (libs/storage inspects them)
 * and described here as a ContentKind.
 */

export const EVIDENCE_KINDS = ['pdf', 'ofd', 'doc', 'docx', 'xls', 'xlsx', 'wps', 'et', 'jpg', 'png', 'heic', 'zip'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** What the bytes are, as far as the allow-list cares. `other` carries the sniffed type's extension and MIME type. */
export type ContentKind =
  | { kind: 'pdf' | 'ofd' | 'docx' | 'xlsx' | 'pptx' | 'zip' | 'jpg' | 'png' | 'heic' | 'ole-word' | 'ole-excel' | 'ole-powerpoint' | 'ole-other' }
  | { kind: 'other'; ext: string; mime: string }
  /** A zip whose central directory declares more than ZIP_MAX_DECLARED_BYTES uncompressed: refused unopened. */
  | { kind: 'zip-bomb' }
  | { kind: 'unknown' };

/** More than any evidence archive holds uncompressed (uploads are at most UPLOAD_MAX_MB); a zip bomb declares more. */
export const ZIP_MAX_DECLARED_BYTES = 2 * 1024 ** 3;

interface KindInfo {
  extensions: readonly string[];
  mime: string;
  label: string;
  /** The content kinds a file with this extension may be. */
  accepts: readonly ContentKind['kind'][];
}

// WPS Office saves .wps/.et in the OLE format of .doc/.xls, and its newer versions in OOXML.
const KINDS: Record<EvidenceKind, KindInfo> = {
  pdf: { extensions: ['pdf'], mime: 'application/pdf', label: 'PDF 文档', accepts: ['pdf'] },
  ofd: { extensions: ['ofd'], mime: 'application/ofd', label: 'OFD 版式文档', accepts: ['ofd'] },
  doc: { extensions: ['doc'], mime: 'application/msword', label: 'Word 97-2003 文档', accepts: ['ole-word'] },
  docx: {
    extensions: ['docx'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word 文档',
    accepts: ['docx'],
  },
  xls: { extensions: ['xls'], mime: 'application/vnd.ms-excel', label: 'Excel 97-2003 工作簿', accepts: ['ole-excel'] },
  xlsx: {
    extensions: ['xlsx'],
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel 工作簿',
    accepts: ['xlsx'],
  },
  wps: { extensions: ['wps'], mime: 'application/wps-office.wps', label: 'WPS 文字文档', accepts: ['ole-word', 'docx'] },
  et: { extensions: ['et'], mime: 'application/wps-office.et', label: 'WPS 表格', accepts: ['ole-excel', 'xlsx'] },
  jpg: { extensions: ['jpg', 'jpeg'], mime: 'image/jpeg', label: 'JPG 图片', accepts: ['jpg'] },
  png: { extensions: ['png'], mime: 'image/png', label: 'PNG 图片', accepts: ['png'] },
  heic: { extensions: ['heic', 'heif'], mime: 'image/heic', label: 'HEIC 图片', accepts: ['heic'] },
  // Every OOXML and OFD file is a zip too: a .zip may hold anything zipped.
  zip: { extensions: ['zip'], mime: 'application/zip', label: 'ZIP 压缩包', accepts: ['zip', 'docx', 'xlsx', 'pptx', 'ofd'] },
};

export const ALLOWED_TYPES_TEXT = 'PDF、OFD、Word（doc/docx）、Excel（xls/xlsx）、WPS（wps/et）、图片（jpg/png/heic）、ZIP';

/** Chinese names of what the bytes were found to be, for messages. */
const CONTENT_LABELS: Record<string, string> = {
  pdf: 'PDF 文档',
  ofd: 'OFD 版式文档',
  docx: 'Word 文档（docx）',
  xlsx: 'Excel 工作簿（xlsx）',
  pptx: 'PowerPoint 演示文稿（pptx）',
  zip: 'ZIP 压缩包',
  'zip-bomb': '解压后超过 2 GB 的压缩包（疑似压缩炸弹）',
  jpg: 'JPG 图片',
  png: 'PNG 图片',
  heic: 'HEIC 图片',
  'ole-word': 'Word 97-2003 文档（doc）',
  'ole-excel': 'Excel 97-2003 工作簿（xls）',
  'ole-powerpoint': 'PowerPoint 97-2003 演示文稿（ppt）',
  'ole-other': 'OLE 复合文档（如 msi、msg）',
  exe: 'Windows 可执行程序（exe）',
  elf: 'Linux 可执行程序（elf）',
  gif: 'GIF 图片',
  webp: 'WebP 图片',
  bmp: 'BMP 图片',
  tif: 'TIFF 图片',
  mp4: 'MP4 视频',
  mov: 'QuickTime 视频',
  mp3: 'MP3 音频',
  rar: 'RAR 压缩包',
  '7z': '7z 压缩包',
  gz: 'gzip 压缩文件',
  xml: 'XML 文件',
  rtf: 'RTF 文档',
};

export function contentLabel(c: ContentKind): string {
  if (c.kind === 'unknown') return '无法识别的内容';
  if (c.kind === 'other') return CONTENT_LABELS[c.ext] ?? `${c.ext.toUpperCase()} 文件（${c.mime}）`;
  return CONTENT_LABELS[c.kind];
}

export const evidenceMime = (k: EvidenceKind): string => KINDS[k].mime;
export const evidenceLabel = (k: EvidenceKind): string => KINDS[k].label;
/** Images may be shown in the browser; everything else is downloaded. */
export const showsInline = (k: EvidenceKind): boolean => k === 'jpg' || k === 'png' || k === 'heic';

/** The extension of a file name, lower case, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName.trim());
  return m ? m[1].toLowerCase() : '';
}

export type Judgement = { ok: true; kind: EvidenceKind } | { ok: false; message: string };

/** The evidence kind a file name declares, or why it is refused before any byte is read. */
export function declaredKind(fileName: string): Judgement {
  const ext = extensionOf(fileName);
  if (!ext) return { ok: false, message: `无法判断文件类型：文件名“${fileName}”没有扩展名。允许的类型：${ALLOWED_TYPES_TEXT}` };
  const kind = (Object.keys(KINDS) as EvidenceKind[]).find((k) => KINDS[k].extensions.includes(ext));
  if (!kind) return { ok: false, message: `不支持的文件类型：.${ext}。允许的类型：${ALLOWED_TYPES_TEXT}` };
  return { ok: true, kind };
}

/** Whether the bytes are what the extension says: the file is refused when they are not. */
export function judgeContent(declared: EvidenceKind, content: ContentKind, ext: string): Judgement {
  const info = KINDS[declared];
  if ((info.accepts as readonly string[]).includes(content.kind)) return { ok: true, kind: declared };
  if (content.kind === 'unknown') {
    return { ok: false, message: `文件内容不是${info.label}（扩展名 .${ext}），无法识别其类型。允许的类型：${ALLOWED_TYPES_TEXT}` };
  }
  const what = contentLabel(content);
  const allowedElsewhere = (Object.keys(KINDS) as EvidenceKind[]).some((k) => (KINDS[k].accepts as readonly string[]).includes(content.kind));
  if (allowedElsewhere) return { ok: false, message: `文件内容是${what}，与扩展名 .${ext}（${info.label}）不符，请改正扩展名后重新上传` };
  return { ok: false, message: `不支持的文件类型：文件内容是${what}（扩展名 .${ext}）。允许的类型：${ALLOWED_TYPES_TEXT}` };
}

/**
 * A zip's kind from the names of its entries: OFD (GB/T 33190) has OFD.xml at its root; OOXML has
 * [Content_Types].xml and the part folder of its application.
 */
export function classifyZip(entryNames: readonly string[]): ContentKind {
  const names = new Set(entryNames.map((n) => n.replace(/\\/g, '/').toLowerCase()));
  const under = (prefix: string) => [...names].some((n) => n.startsWith(prefix));
  if (names.has('ofd.xml')) return { kind: 'ofd' };
  if (names.has('[content_types].xml')) {
    if (under('word/')) return { kind: 'docx' };
    if (under('xl/')) return { kind: 'xlsx' };
    if (under('ppt/')) return { kind: 'pptx' };
  }
  return { kind: 'zip' };
}

/** An OLE compound file's kind from the names of its streams (WordDocument, Workbook, …). */
export function classifyOle(streamNames: readonly string[]): ContentKind {
  const names = new Set(streamNames);
  if (names.has('WordDocument')) return { kind: 'ole-word' };
  if (names.has('Workbook') || names.has('Book')) return { kind: 'ole-excel' };
  if (names.has('PowerPoint Document')) return { kind: 'ole-powerpoint' };
  return { kind: 'ole-other' };
}

/** A file name as it may be stored and shown: no folders, no control characters, at most 255 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (clean.length <= 255) return clean;
  const ext = extensionOf(clean);
  return ext ? `${clean.slice(0, 254 - ext.length)}.${ext}` : clean.slice(0, 255);
}
