import { parseDeadline } from './deadlines';
import { classifyHeading, columnRole } from './headings';
import type { Line } from './types';
import { LABEL_NAMES, looksLikeUnit } from './units';

const INLINE_HEADING = /([。；;：:）)\s])\s*(?=(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?![\d%])))/g;

/**
 * A page copied without its line breaks puts a whole plan on one line: split it before the
 * headings it runs together ("…落实。 (一)全面促进消费增长。 1.把恢复…").
 */
export function splitRunOn(lines: Line[]): Line[] {
  return lines.flatMap((l) => {
    if (l.text.length < 600) return [l];
    const parts = l.text
      .replace(INLINE_HEADING, '$1\n')
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p);
    return parts.length >= 3 ? parts.map((text) => ({ no: l.no, text })) : [l];
  });
}

const LABEL_START = new RegExp(`^(?:${LABEL_NAMES})\\s*[:：]`);
const ENDS_CLAUSE = /[。；;：:！？!?”"」』)）\]】〕》]$/;

/**
 * A paragraph wrapped by the page or a PDF ("…推进s356横沟至黄沙铺改扩" / "建二期…") continues on the
 * next line: join it, unless the next line starts something (a heading, a label, a table cell).
 */
export function joinWrapped(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && continues(prev.text, l.text)) out[out.length - 1] = { no: prev.no, text: prev.text + l.text };
    else out.push(l);
  }
  return out;
}

function unclosed(t: string): boolean {
  if (!/[(（〔[［]/.test(t)) return false;
  return (t.match(/[(（〔[［]/g) ?? []).length > (t.match(/[)）〕\]］]/g) ?? []).length;
}

function continues(prev: string, next: string): boolean {
  if (prev.length < 25) return false;
  // "…。(责任领导:杜新国;牵" / "头单位:区财政局)": a bracket left open continues on the next line.
  if (unclosed(prev) && /[)）〕\]］]/.test(next) && !classifyHeading(next)) return true;
  if (ENDS_CLAUSE.test(prev)) return false;
  if (classifyHeading(next) || (/[:：]/.test(next) && LABEL_START.test(next)) || (next.length <= 16 && columnRole(next))) return false;
  if (/^[\d①-⑳(（★]/.test(next) || next.length < 2) return false;
  // A short line ending a sentence ("政府。") finishes the one above; without its full stop it is a cell.
  if (next.length <= 20 && !/[。；;]$/.test(next) && (looksLikeUnit(next) || parseDeadline(next, { year: 2000, periodStart: '2000-01-01', periodEnd: '2000-12-31' }))) return false;
  // A heading without a full stop ("(一)坚持常态化疫情防控") ends its line.
  if (classifyHeading(prev) && prev.length <= 40) return false;
  return true;
}
