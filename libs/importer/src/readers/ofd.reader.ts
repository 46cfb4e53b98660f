import { posix } from 'node:path';
import { ImportError, type ReadLimits } from '../errors';
import { decodeEntities } from './html.reader';
import type { LaidOutPage, TextRun } from './layout/positioned-text';
import { readSafeZip } from './zip-guard';

// OFD (GB/T 33190) parts are namespaced ("ofd:"), but the prefix is the producer's choice.
const el = (name: string) => new RegExp(`<(?:[\\w-]+:)?${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>)`, 'g');
const attrs = (s: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = decodeEntities(m[2]);
  return out;
};
const nums = (s: string | undefined): number[] => (s ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
const first = (xml: string, name: string): { attrs: Record<string, string>; body: string } | null => {
  const m = el(name).exec(xml);
  return m ? { attrs: attrs(m[1]), body: m[2] ?? '' } : null;
};

/** "g 3 4.2 5" → [4.2, 4.2, 4.2, 5]: OFD's run-length form of glyph advances. */
function deltas(s: string | undefined): number[] {
  const t = (s ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 'g') {
      const n = Number(t[i + 1]);
      for (let k = 0; k < n; k++) out.push(Number(t[i + 2]));
      i += 2;
    } else out.push(Number(t[i]));
  }
  return out;
}

/** A TextCode's characters: entities decoded, a CDATA section (some producers write every code in one) taken as it is. */
function codeText(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part)))
    .join('');
}

function resolve(base: string, loc: string): string {
  return (loc.startsWith('/') ? posix.normalize(loc) : posix.join(posix.dirname(base), loc)).replace(/^\/+/, '');
}

function textRuns(content: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const m of content.matchAll(el('TextObject'))) {
    const a = attrs(m[1]);
    const [bx, by] = nums(a.Boundary);
    const ctm = nums(a.CTM);
    const scale = ctm.length === 6 ? Math.hypot(ctm[2], ctm[3]) || 1 : 1;
    const size = Number(a.Size) * scale;
    for (const c of (m[2] ?? '').matchAll(el('TextCode'))) {
      const ca = attrs(c[1]);
      const text = codeText(c[2] ?? '');
      if (!text.trim()) continue;
      let x = Number(ca.X ?? 0);
      let y = Number(ca.Y ?? 0);
      if (ctm.length === 6) [x, y] = [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
      const dx = deltas(ca.DeltaX);
      const chars = [...text].length;
      // The last glyph has no advance in DeltaX: a Latin one is about half as wide as a CJK one.
      const last = /[\x20-\x7e]$/.test(text) ? size / 2 : size;
      const width = (dx.slice(0, chars - 1).reduce((s, d) => s + d, 0) || (chars - 1) * size) * scale + last;
      if ([bx, by, x, y, size].every(Number.isFinite)) runs.push({ x: bx + x, y: by + y, width, size, text });
    }
  }
  return runs;
}

/** A CompositeGraphicUnit's content by its ID: drawn on a page by a CompositeObject that names it. */
type Units = Map<string, string>;

/**
 * The text of a page's content: its TextObjects, and those of the composite units its CompositeObjects
 * draw (producers that convert from PDF put whole pages of text in them), moved by the object's CTM and
 * boundary. `depth` stops a unit that draws itself.
 */
function contentRuns(content: string, units: Units, depth = 0): TextRun[] {
  const runs = textRuns(content);
  if (depth > 3) return runs;
  for (const m of content.matchAll(el('CompositeObject'))) {
    const a = attrs(m[1]);
    const unit = units.get(a.ResourceID ?? '');
    if (!unit) continue;
    const [bx, by] = nums(a.Boundary);
    const ctm = nums(a.CTM);
    const [ca, cb, cc, cd, ce, cf] = ctm.length === 6 ? ctm : [1, 0, 0, 1, 0, 0];
    const scale = Math.hypot(cc, cd) || 1;
    for (const r of contentRuns(unit, units, depth + 1)) {
      const run = { ...r, x: (bx || 0) + ca * r.x + cc * r.y + ce, y: (by || 0) + cb * r.x + cd * r.y + cf, width: r.width * scale, size: r.size * scale };
      if ([run.x, run.y, run.width, run.size].every(Number.isFinite)) runs.push(run);
    }
  }
  return runs;
}

/**
 * The positioned text of an OFD: OFD.xml → DocRoot (Document.xml) → each page's Content.xml, whose
 * TextObjects carry a boundary box, a font size and TextCodes positioned inside the box. The zip is
 * read under the same bomb and DTD guards as a .docx.
 */
export function readOfdPages(buf: Buffer, limits: ReadLimits): LaidOutPage[] {
  const files = readSafeZip(buf);
  const part = (name: string): string => {
    const f = files.get(name);
    if (!f) throw new ImportError('unreadable', `OFD 文件不完整：缺少 ${name}`);
    return f.toString('utf8');
  };
  const root = first(part('OFD.xml'), 'DocRoot');
  if (!root?.body.trim()) throw new ImportError('unreadable', 'OFD 文件不完整：OFD.xml 没有 DocRoot');
  const docPath = resolve('OFD.xml', root.body.trim());
  const doc = part(docPath);
  const units: Units = new Map();
  const common = first(doc, 'CommonData')?.body ?? '';
  for (const res of ['PublicRes', 'DocumentRes'].flatMap((n) => [...common.matchAll(el(n))].map((m) => (m[2] ?? '').trim()))) {
    const xml = files.get(resolve(docPath, res))?.toString('utf8');
    for (const u of xml ? xml.matchAll(el('CompositeGraphicUnit')) : []) {
      const id = attrs(u[1]).ID;
      if (id) units.set(id, u[2] ?? '');
    }
  }
  // Template pages carry what every page repeats (the 红头 banner, a running header): read with the page.
  const templates = new Map(
    [...common.matchAll(el('TemplatePage'))].map((m) => {
      const a = attrs(m[1]);
      return [a.ID, a.BaseLoc] as const;
    }),
  );
  const pageArea = nums(first(first(doc, 'PageArea')?.body ?? '', 'PhysicalBox')?.body);
  const pages = [...doc.matchAll(el('Page'))].map((m) => attrs(m[1]).BaseLoc).filter(Boolean);
  if (pages.length > limits.maxPages) throw new ImportError('too_many_pages', `OFD 共 ${pages.length} 页，超过上限 ${limits.maxPages} 页`);
  const started = Date.now();
  let images = 0;
  const read = pages.map((loc) => {
    if (Date.now() - started > limits.timeoutMs) {
      throw new ImportError('timeout', `读取 OFD 超过 ${Math.round(limits.timeoutMs / 1000)} 秒，已停止；请拆分文件后重试`);
    }
    const content = part(resolve(docPath, loc));
    const box = nums(first(first(content, 'Area')?.body ?? '', 'PhysicalBox')?.body);
    const [, , width, height] = box.length === 4 ? box : pageArea.length === 4 ? pageArea : [0, 0, 210, 297];
    const runs: TextRun[] = [];
    for (const t of content.matchAll(el('Template'))) {
      const tpl = templates.get(attrs(t[1]).TemplateID ?? '');
      const xml = tpl ? files.get(resolve(docPath, tpl))?.toString('utf8') : undefined;
      if (xml) runs.push(...contentRuns(xml, units));
    }
    runs.push(...contentRuns(content, units));
    images += [...content.matchAll(el('ImageObject'))].length;
    return { width, height, runs };
  });
  // Page images and not a word: a scan saved as OFD. OCR reads scans sent as PDF or as images.
  if (images > 0 && read.every((p) => p.runs.length === 0)) {
    throw new ImportError('unsupported_type', 'OFD 文件只有页面图像（扫描件），没有文字；请将扫描件存为 PDF 或图片（JPG/PNG/TIFF）后上传，系统会进行文字识别');
  }
  return read;
}
