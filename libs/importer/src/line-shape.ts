import { parseDeadline } from './deadlines';
import { classifyHeading, columnRole, type Heading } from './headings';
import type { Line } from './types';
import { LABEL_NAMES, looksLikeUnit } from './units';

const INLINE_HEADING = /([。；;：:）)\s])\s*(?=(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?![\d%])))/g;

/**
 * A page copied without its line breaks puts a whole plan on one line: split it before the
 * headings it runs together ("…落实。 (一)全面促进消费增长。 1.把恢复…").
 */
export function splitRunOn(lines: Line[]): Line[] {
  if (!lines.some((l) => l.text.length >= 600)) return lines;
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
/** Characters that end a clause: a line ending in one is finished (checked on its last character only). */
const CLAUSE_ENDS = '。；;：:！？!?”"」』)）]】〕》';

/**
 * A paragraph wrapped by the page or a PDF ("…推进s356横沟至黄沙铺改扩" / "建二期…") continues on the
 * next line: join it, unless the next line starts something (a heading, a label, a table cell).
 */
export function joinWrapped(lines: Line[]): Line[] {
  const out: Line[] = [];
  // Bracket balance of the last output line, counted only when asked (null: not yet); a joined
  // paragraph's balance is the sum of its lines', so a long paragraph is never recounted.
  const last: { balance: number | null } = { balance: null };
  for (const l of lines) {
    const prev = out[out.length - 1];
    const prevUnclosed = () => prev !== undefined && (last.balance ??= bracketBalance(prev.text)) > 0;
    if (prev && continues(prev.text, l.text, prevUnclosed)) {
      out[out.length - 1] = { no: prev.no, text: prev.text + l.text };
      if (last.balance !== null) last.balance += bracketBalance(l.text);
    } else {
      out.push(l);
      last.balance = null;
    }
  }
  return out;
}

/** Opening minus closing brackets of a line. */
function bracketBalance(t: string): number {
  let open = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // ( （ 〔 [ ［ open, ) ） 〕 ] ］ close
    if (c === 0x28 || c === 0xff08 || c === 0x3014 || c === 0x5b || c === 0xff3b) open++;
    else if (c === 0x29 || c === 0xff09 || c === 0x3015 || c === 0x5d || c === 0xff3d) open--;
  }
  return open;
}

function continues(prev: string, next: string, prevUnclosed: () => boolean): boolean {
  if (prev.length < 25) return false;
  let heading: Heading | null | undefined;
  const nextHeading = () => (heading === undefined ? (heading = classifyHeading(next)) : heading);
  // "…。(责任领导:杜新国;牵" / "头单位:区财政局)": a bracket left open continues on the next line.
  if (/[)）〕\]］]/.test(next) && prevUnclosed() && !nextHeading()) return true;
  if (CLAUSE_ENDS.includes(prev[prev.length - 1])) return false;
  if (nextHeading() || (/[:：]/.test(next) && LABEL_START.test(next)) || (next.length <= 16 && columnRole(next))) return false;
  if (/^[\d①-⑳(（★]/.test(next) || next.length < 2) return false;
  // A short line ending a sentence ("政府。") finishes the one above; without its full stop it is a cell.
  if (next.length <= 20 && !/[。；;]$/.test(next) && (looksLikeUnit(next) || parseDeadline(next, { year: 2000, periodStart: '2000-01-01', periodEnd: '2000-12-31' }))) return false;
  // A heading without a full stop ("(一)坚持常态化疫情防控") ends its line.
  if (prev.length <= 40 && classifyHeading(prev)) return false;
  return true;
}
