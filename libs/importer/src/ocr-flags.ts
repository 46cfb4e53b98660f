import type { LayoutText } from './readers/layout/layout-text';
import type { ImportWarning, ParsedPlan } from './types';

/** Below this confidence (tesseract's 0–100, the weakest word of a line) a line is worth a second look. */
export const LOW_CONFIDENCE = 80;

/**
 * Warnings for the fields a wrong character hurts most, when they come from a poorly recognised
 * line: unit names (the item goes to the wrong unit) and deadlines (it falls due on the wrong day).
 * The correctable preview shows them beside the item; the supervisor fixes or confirms them there.
 */
export function flagLowConfidence(plan: ParsedPlan, layout: LayoutText, threshold = LOW_CONFIDENCE): ParsedPlan {
  const text = layout.text.split('\n');
  const low = [...layout.confidence].filter(([, c]) => c < threshold).map(([line, c]) => ({ line, conf: Math.round(c), text: text[line - 1] ?? '' }));
  const warnings: ImportWarning[] = [];
  const seen = new Set<string>();
  const flag = (code: string, field: string, value: string | null) => {
    if (!value) return;
    const hit = low.find((l) => l.text.includes(value));
    const key = `${code}|${field}|${value}`;
    if (!hit || seen.has(key)) return;
    seen.add(key);
    warnings.push({ line: hit.line, message: `文字识别置信度低（${hit.conf}%）：事项 ${code} 的${field}「${value}」请核对` });
  };
  for (const t of plan.tasks) {
    // The item's own line read badly: its units and deadline may come from a misread marker
    // ("硬头单位" for 牵头单位) and default silently, so they are flagged whatever they say.
    const own = low.find((l) => t.title.length >= 4 && l.text.includes(t.title.slice(0, 6)));
    if (own && !seen.has(`${t.code}|own`)) {
      seen.add(`${t.code}|own`);
      warnings.push({ line: own.line, message: `文字识别置信度低（${own.conf}%）：事项 ${t.code} 的牵头单位、责任单位、配合单位、完成时限请核对` });
    }
    t.leadUnits.forEach((u) => flag(t.code, '牵头单位', u));
    t.responsibleUnits.forEach((u) => flag(t.code, '责任单位', u));
    t.assistingUnits.forEach((u) => flag(t.code, '配合单位', u));
    flag(t.code, '完成时限', t.deadlineText);
    t.steps.forEach((s) => flag(`${t.code} ${s.code}`, '完成时限', s.deadlineText));
  }
  return { ...plan, warnings: [...plan.warnings, ...warnings] };
}
