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
      const text = decodeEntities(c[2] ?? '');
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
  const pageArea = nums(first(first(doc, 'PageArea')?.body ?? '', 'PhysicalBox')?.body);
  const pages = [...doc.matchAll(el('Page'))].map((m) => attrs(m[1]).BaseLoc).filter(Boolean);
  if (pages.length > limits.maxPages) throw new ImportError('too_many_pages', `OFD 共 ${pages.length} 页，超过上限 ${limits.maxPages} 页`);
  const started = Date.now();
  return pages.map((loc) => {
    if (Date.now() - started > limits.timeoutMs) {
      throw new ImportError('timeout', `读取 OFD 超过 ${Math.round(limits.timeoutMs / 1000)} 秒，已停止；请拆分文件后重试`);
    }
    const content = part(resolve(docPath, loc));
    const box = nums(first(first(content, 'Area')?.body ?? '', 'PhysicalBox')?.body);
    const [, , width, height] = box.length === 4 ? box : pageArea.length === 4 ? pageArea : [0, 0, 210, 297];
    return { width, height, runs: textRuns(content) };
  });
}
