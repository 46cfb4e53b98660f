import type { LayoutText } from './readers/layout/layout-text';
import type { ImportWarning, ParsedPlan } from './types';

/** Lines shorter than this (in characters that carry meaning) are stray marks, page furniture or a lone number. */
const MIN_CHARS = 6;
/** How much of the text of a warned block the warning carries. */
const QUOTE = 200;

/** Only what carries meaning: CJK, letters and digits (OCR adds and drops spaces and punctuation). */
const bare = (s: string) => s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');

function trigrams(s: string): string[] {
  return Array.from({ length: Math.max(s.length - 2, 0) }, (_, i) => s.slice(i, i + 3));
}

/** Every piece of text the plan kept: what is not among it was read from the page and dropped. */
function keptText(plan: ParsedPlan): Set<string> {
  const parts: Array<string | null | undefined> = [plan.plan.title, plan.plan.issuer, plan.plan.docNumber, ...plan.targets.map((t) => t.text)];
  for (const t of plan.tasks) {
    parts.push(t.group, t.section, t.title, t.content, t.goal, t.deadlineText, ...t.leadUnits, ...t.responsibleUnits, ...t.assistingUnits);
    parts.push(...(t.leaders ?? []), ...(t.contacts ?? []), ...t.indicators.map((i) => i.name));
    for (const s of t.steps) parts.push(s.text, s.deadlineText);
  }
  return new Set(parts.flatMap((p) => trigrams(bare(p ?? ''))));
}

/**
 * Text a scan showed that no item took up. OCR noise (a lost item number, a stray mark read as a
 * line) can make the parser drop an item's text or end a table early; an item lost at the end of a
 * series leaves no gap in the numbering to tell. So every run of recognised lines from the first
 * item on that went into nothing is named by page and line, with its text, for the supervisor to
 * check against the original. Lines before the first item (the title, the preamble) are the plan's head.
 */
export function flagUnreadText(plan: ParsedPlan, layout: LayoutText): ParsedPlan {
  if (!plan.tasks.length) return plan;
  const kept = keptText(plan);
  const lines = layout.text.split('\n');
  const taken = (text: string) => {
    const grams = trigrams(bare(text));
    return grams.filter((g) => kept.has(g)).length >= grams.length / 2;
  };
  // Where the items start: the first item's own line (its number and title, or the title alone
  // in a table row). Not found, nothing is flagged: the head of a plan is no item's.
  const head = bare(plan.tasks[0].title).slice(0, 6);
  const code = bare(plan.tasks[0].code.replace(/^.*?(\d+)$/, '$1'));
  const found = head ? lines.findIndex((l) => bare(l).startsWith(head) || bare(l).startsWith(code + head)) : -1;
  const first = found < 0 ? lines.length : found;
  const warnings: ImportWarning[] = [];
  let block: number[] = [];
  const close = () => {
    if (!block.length) return;
    const at = block[0] + 1;
    const where = layout.origin.get(at);
    const text = block.map((i) => lines[i]).join('');
    const quote = text.length > 24 ? `${text.slice(0, 24)}…` : text;
    warnings.push({
      line: at,
      field: 'unread',
      text: text.slice(0, QUOTE),
      message: `文字识别的${where ? `第 ${where.page} 页第 ${where.line} 行` : `第 ${at} 行`}「${quote}」没有读进任何事项，可能漏读了事项，请对照原件核对`,
    });
    block = [];
  };
  for (let i = first; i < lines.length; i++) {
    // Lone numbers and marks neither make nor break a run of unread lines.
    if (bare(lines[i]).length < MIN_CHARS) continue;
    // Only what OCR read: a page of a scanned PDF that had a text layer is read as the document says.
    if (!layout.confidence.has(i + 1) || taken(lines[i])) {
      close();
      continue;
    }
    block.push(i);
    // One warning a paragraph or so: each names where to look, and its text fits the preview.
    if (block.reduce((n, k) => n + lines[k].length, 0) >= QUOTE) close();
  }
  close();
  return { ...plan, warnings: [...plan.warnings, ...warnings, ...absorbed(plan, lines)] };
}

/** Lines a field of one item may hold before it looks like more than one item's text. */
const LONG_FIELD = 8;
const FIELDS = [
  ['content', '内容'],
  ['goal', '工作目标'],
] as const;

/**
 * Items that took in text of items OCR lost the number of: a row number standing alone inside an
 * item's content or goal (the table reader did not see a row start there), or a field as long as
 * several items. The warning carries the text, so the supervisor can find the item it belongs to.
 */
function absorbed(plan: ParsedPlan, lines: string[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const lineOf = (text: string) => lines.findIndex((l) => text.length >= 2 && l.includes(text.slice(0, 12))) + 1 || 1;
  for (const t of plan.tasks) {
    for (const [key, name] of FIELDS) {
      const field = (t[key] ?? '').split('\n');
      // A row number alone on a line, or the next item's number (its marker misread: "“22" for "22."):
      // the parser saw no new item there.
      const next = /^(.*?)(\d+)$/.exec(t.code);
      const number = field.findIndex((l, i) => {
        if (i === 0) return false;
        if (/^\s*\d{1,3}\s*$/.test(l)) return true;
        const m = /^\W{0,2}(\d{1,3})(?!\d)/.exec(l);
        return !!m && !!next && Number(m[1]) === Number(next[2]) + 1;
      });
      if (number < 0 && field.length < LONG_FIELD) continue;
      const from = number >= 0 ? number : 1;
      const text = field.slice(from).join('\n');
      warnings.push({
        line: lineOf(field[from + 1] ?? field[from]),
        field: 'unread',
        text: text.slice(0, 2000),
        message:
          number >= 0
            ? `文字识别后事项 ${t.code} 的${name}里有一行以编号「${/\d+/.exec(field[number])![0]}」开头，其后的文字可能属于漏读的事项，请对照原件核对`
            : `文字识别后事项 ${t.code} 的${name}有 ${field.length} 行，可能混入了漏读的事项，请对照原件核对`,
      });
    }
  }
  return warnings;
}
