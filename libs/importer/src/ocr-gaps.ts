import type { ImportWarning, ParsedPlan } from './types';

/** "12" → [prefix "", 12]; "A-7" → ["A-", 7]; "2.3" → ["2.", 3]: the running number at a code's end. */
function split(code: string): [string, number] | null {
  const m = /^(.*?)(\d+)$/.exec(code);
  return m ? [m[1], Number(m[2])] : null;
}

/**
 * Items a scan may have lost: where the numbers of consecutive items of one series jump (6 then 8),
 * or a series starts past 1, OCR most likely misread the number of an item and merged it into the
 * item before. The supervisor is told which numbers to look for in the original.
 */
export function flagNumberingGaps(plan: ParsedPlan, text: string): ParsedPlan {
  const lines = text.split('\n');
  const lineOf = (title: string) => lines.findIndex((l) => title.length >= 2 && l.includes(title.slice(0, 6))) + 1 || 1;
  const warnings: ImportWarning[] = [];
  let prev: { prefix: string; n: number } | null = null;
  for (const t of plan.tasks) {
    const s = split(t.code);
    if (!s) continue;
    const [prefix, n] = s;
    const expected = prev?.prefix === prefix ? prev.n + 1 : 1;
    if (n > expected && n - expected <= 20) {
      const missing = n - expected === 1 ? `${prefix}${expected}` : `${prefix}${expected}–${prefix}${n - 1}`;
      warnings.push({ line: lineOf(t.title), message: `文字识别可能漏读了事项 ${missing}（编号跳到 ${t.code}），请对照原件核对` });
    }
    prev = { prefix, n };
  }
  return { ...plan, warnings: [...plan.warnings, ...warnings] };
}
