import { importDocument, importScan } from '../src/import-document';
import type { OcrOptions } from '../src/readers/ocr.reader';
import type { ParsedPlan, Task as ParsedTask } from '../src/types';
import { buildPdf } from './build-pdf';
import { scanPdf } from './build-scan';
import { ruledTablePages, SEEDS, seedPdf, textImport } from './seed-documents';

/** What the fidelity bench and its test scan: the five seeds, and two seeds' items printed as one ruled table. */
export const SCANNED = [...SEEDS, 'ruled-003', 'ruled-004'];

/**
 * A seed (or `ruled-<seed>`) printed, scanned (200 dpi, ±0.4° skew, speckle) and read back through
 * `importScan` as the worker reads it; `reference` is the import its scan must match: the seed's text,
 * or for a ruled table the same PDF's text layer.
 */
export async function scanOf(name: string, onPage?: OcrOptions['onPage']): Promise<{ scan: ParsedPlan; reference: ParsedPlan; pages: number; seconds: number }> {
  const ruled = /^ruled-(\d+)$/.exec(name);
  const pdf = ruled ? await buildPdf(ruledTablePages(ruled[1])) : await seedPdf(name);
  const reference = ruled ? await importDocument({ fileName: `${name}.pdf`, content: pdf }) : textImport(name);
  const images = await scanPdf(pdf, { dpi: 200 });
  const started = Date.now();
  const scan = await importScan({ fileName: `scan-${name}.pdf`, content: await buildPdf([], { images }) }, { maxPages: 20, pageTimeoutMs: 600_000, onPage });
  return { scan, reference, pages: images.length, seconds: (Date.now() - started) / 1000 };
}

/** The fields the seed tests check for every item, as [the field's name in a warning, its value]. */
const FIELDS: Array<[string, (t: ParsedTask) => unknown]> = [
  ['牵头单位', (t) => t.leadUnits],
  ['责任单位', (t) => t.responsibleUnits],
  ['配合单位', (t) => t.assistingUnits],
  ['完成时限', (t) => t.deadline],
];

export interface ScanFidelity {
  textItems: number;
  /** Items of the scan matched to one of the text's, by the likeness of their titles. */
  matched: number;
  /** Numbers of the text's items that the scan did not read. */
  lost: string[];
  /** Of those, the ones no warning names ("文字识别可能漏读了事项 4–5") or quotes (text read into no item). */
  lostSilently: string[];
  /** Items of the scan that are none of the text's (a heading or a fragment read as an item). */
  extra: number;
  /** Matched items numbered differently (a section heading the scan misread renumbers its items). */
  renumbered: number;
  compared: number;
  equal: number;
  /** Differing fields a warning points the supervisor to. */
  flagged: number;
  /** Differing fields nothing points to: "code field: scan ≠ text". */
  silent: string[];
}

function bigrams(s: string): Set<string> {
  const t = s.replace(/\s/g, '');
  return new Set(Array.from({ length: Math.max(t.length - 1, 0) }, (_, i) => t.slice(i, i + 2)));
}

/** Dice likeness of two titles over character pairs: OCR misreads a character or two, not the title. */
function likeness(a: string, b: string): number {
  const [x, y] = [bigrams(a), bigrams(b)];
  if (!x.size || !y.size) return 0;
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return (2 * both) / (x.size + y.size);
}

/** Each text item's counterpart in the scan: the most alike title, at least half alike, used once. */
function pair(scan: ParsedTask[], text: ParsedTask[]): Map<ParsedTask, ParsedTask> {
  const candidates = text.flatMap((t) => scan.map((s) => ({ t, s, like: likeness(t.title + t.content.slice(0, 30), s.title + s.content.slice(0, 30)) })));
  const pairs = new Map<ParsedTask, ParsedTask>();
  const used = new Set<ParsedTask>();
  for (const c of candidates.filter((c) => c.like >= 0.5).sort((a, b) => b.like - a.like)) {
    if (pairs.has(c.t) || used.has(c.s)) continue;
    pairs.set(c.t, c.s);
    used.add(c.s);
  }
  return pairs;
}

/** The item numbers the scan's warnings say may be missing. */
function flaggedMissing(scan: ParsedPlan): Set<string> {
  const out = new Set<string>();
  for (const w of scan.warnings) {
    const m = /漏读了事项 (.*?)(\d+)(?:–.*?(\d+))?（/.exec(w.message);
    if (!m) continue;
    for (let n = Number(m[2]); n <= Number(m[3] ?? m[2]); n++) out.add(`${m[1]}${n}`);
  }
  return out;
}

/** Whether a warning quotes text the scan read but took into no item, and that text is the item's. */
function quotedUnread(scan: ParsedPlan, item: ParsedTask): boolean {
  const title = bigrams(item.title.slice(0, 20));
  return scan.warnings.some((w) => {
    if (w.field !== 'unread' || !w.text || !title.size) return false;
    const quoted = bigrams(w.text);
    return [...title].filter((g) => quoted.has(g)).length >= title.size / 2;
  });
}

const FIELD_NAMES = FIELDS.map(([name]) => name).join('|');
/** "事项 3 的牵头单位「…」请核对", "事项 3 的牵头单位、责任单位、配合单位请核对": the item and the fields a warning names. */
const NAMED_FIELDS = new RegExp(`事项 (\\S+?) 的((?:${FIELD_NAMES})(?:、(?:${FIELD_NAMES}))*)`, 'g');

/** "code|field" for every field of an item some warning points the supervisor to. */
function flaggedFields(scan: ParsedPlan): Set<string> {
  const out = new Set<string>();
  for (const w of scan.warnings) for (const m of w.message.matchAll(NAMED_FIELDS)) for (const f of m[2].split('、')) out.add(`${m[1]}|${f}`);
  return out;
}

/** A scan's import against the import of the same plan's text, item by item. */
export function compareScan(scan: ParsedPlan, text: ParsedPlan): ScanFidelity {
  const flagged = flaggedFields(scan);
  const pairs = pair(scan.tasks, text.tasks);
  const out: ScanFidelity = { textItems: text.tasks.length, matched: pairs.size, lost: [], lostSilently: [], extra: scan.tasks.length - pairs.size, renumbered: 0, compared: 0, equal: 0, flagged: 0, silent: [] };
  const missing = flaggedMissing(scan);
  for (const want of text.tasks) {
    const got = pairs.get(want);
    if (!got) {
      out.lost.push(want.code);
      if (!missing.has(want.code) && !quotedUnread(scan, want)) out.lostSilently.push(want.code);
      continue;
    }
    if (got.code !== want.code) out.renumbered++;
    for (const [field, value] of FIELDS) {
      out.compared++;
      const [g, w] = [JSON.stringify(value(got)), JSON.stringify(value(want))];
      if (g === w) out.equal++;
      else if (flagged.has(`${got.code}|${field}`)) out.flagged++;
      else out.silent.push(`${want.code} ${field}: ${g} ≠ ${w}`);
    }
  }
  return out;
}
