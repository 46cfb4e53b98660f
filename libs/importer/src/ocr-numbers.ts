import { classifyHeading } from './headings';
import type { ImportWarning, ParsedPlan } from './types';

/**
 * What tesseract's chi_sim model reads a printed digit as at the start of a line: a "1." becomes
 * "工" (the bar and the dot taken for one character) or a bar, a "7" becomes "了". Only shapes seen
 * in place of item numbers: the repair below also needs the numbering around the line to expect it.
 */
const LOOKALIKES: Record<string, string> = {
  工: '1',
  l: '1',
  I: '1',
  '|': '1',
  '｜': '1',
  丨: '1',
  ']': '1',
  '】': '1',
  了: '7',
  乙: '2',
  Z: '2',
  S: '5',
  O: '0',
  o: '0',
  〇: '0',
};

const LOOKALIKE_CLASS = Object.keys(LOOKALIKES)
  .map((c) => c.replace(/[\]|]/g, '\\$&'))
  .join('');
/** One or two digits or look-alikes and an optional mark after them, then the title (a Han character). */
const NUMBER_START = new RegExp(`^([\\d${LOOKALIKE_CLASS}]{1,2})\\s*[.．、,，]?\\s*(?=\\p{Script=Han})`, 'u');

/** How a paragraph ends: an item's unit tail closes a bracket, its sentence a full stop. */
const PARAGRAPH_END = /[。；;:：!！?？)）】〕]$/;

export interface NumberRepair {
  /** 1-based line of the text. */
  line: number;
  /** What OCR read in the number's place, and the number it stands for. */
  read: string;
  number: number;
  /** The line as repaired. */
  text: string;
}

/** The number of the nearest "1."-level item from line i in one direction (step ±1), within its section. */
function nearestNumber(heads: ReturnType<typeof classifyHeading>[], i: number, step: 1 | -1): number | null {
  for (let k = i + step; k >= 0 && k < heads.length; k += step) {
    const h = heads[k];
    if (!h || h.keyword) continue;
    if (h.level < 3) return null;
    if (h.level === 3 && h.value !== null && /^\d+$/.test(h.marker ?? '')) return h.value;
  }
  return null;
}

/** The numbers of the "1."-level items nearest line i, before and after it, within its section. */
function neighbours(heads: ReturnType<typeof classifyHeading>[], i: number): { before: number | null; after: number | null } {
  return { before: nearestNumber(heads, i, -1), after: nearestNumber(heads, i, 1) };
}

/**
 * Item numbers OCR misread, put back: a line that starts with what looks like a digit ("工引育高端
 * 创新人才" for "1.引育高端创新人才") where the numbered items around it leave exactly that number out
 * ("3." or a section start before it, "2." after it). Without the number the item's text would join
 * the item before and the item be lost. Each repair is returned, to be named
 * in a warning: the supervisor checks it against the original.
 */
export function repairItemNumbers(text: string): { text: string; repairs: NumberRepair[] } {
  const lines = text.split('\n');
  const heads = lines.map((l) => classifyHeading(l.trim()));
  const repairs: NumberRepair[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (heads[i]) continue;
    const line = lines[i].trim();
    const read = NUMBER_START.exec(line);
    // Real digits throughout are a heading already, or a number in a sentence: only a look-alike stands for one.
    if (!read || ![...read[1]].some((c) => c in LOOKALIKES)) continue;
    const number = Number([...read[1]].map((c) => LOOKALIKES[c] ?? c).join(''));
    let j = i - 1;
    while (j >= 0 && !lines[j].trim()) j--;
    // A new paragraph, not a page's wrap inside one ("…做强" / "工业互联网…"): the line before ends a
    // sentence or is a section heading (an item's own line runs on into its text).
    if (j >= 0 && !PARAGRAPH_END.test(lines[j].trim()) && !(heads[j] && heads[j]!.level < 3)) continue;
    const { before, after } = neighbours(heads, i);
    if (after === null) continue;
    // The number the gap leaves: one before the next item, following the item before or starting a
    // new series (the items before belonged to a section whose heading OCR lost).
    const missing = after - 1;
    const follows = before === null || before === missing - 1;
    const restarts = before !== null && before >= after && missing === 1;
    if (missing < 1 || !(follows || restarts)) continue;
    if (number !== missing) continue;
    const fixed = `${missing}.${line.slice(read[0].length)}`;
    repairs.push({ line: i + 1, read: read[0].trim(), number: missing, text: fixed });
    lines[i] = fixed;
    heads[i] = classifyHeading(fixed);
  }
  return { text: lines.join('\n'), repairs };
}

/** Warnings for the repaired numbers, naming the item each became. */
export function flagRepairedNumbers(plan: ParsedPlan, repairs: NumberRepair[]): ParsedPlan {
  const warnings: ImportWarning[] = repairs.map((r) => {
    const rest = r.text.replace(/^\d+\./, '');
    const task = plan.tasks.find((t) => t.title.length >= 2 && rest.startsWith(t.title.slice(0, 6)));
    const item = task ? `事项 ${task.code} 的编号` : `第 ${r.line} 行事项的编号`;
    return {
      line: r.line,
      field: 'code',
      text: r.text.slice(0, 60),
      message: `文字识别把${item}读成了「${r.read}」，按前后编号读作「${r.number}.」，请对照原件核对`,
    };
  });
  return { ...plan, warnings: [...plan.warnings, ...warnings] };
}
