import type { LayoutText } from './readers/layout/layout-text';
import type { ImportWarning, ParsedPlan } from './types';
import { looksLikeUnit } from './units';

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

/**
 * What is left of a unit label OCR broke: "责任单位" without its colon, "(位市地方…" for "(牵头单位:",
 * "索头单位:" for "牵头单位:". The label reader needs the whole label and its colon.
 */
const LABEL_TRACE = /(?:单位|部门)\s*[:：]|(?:牵头|责任|配合|协办|主办)(?:单位|部门)/;
/** Marks no unit name holds: a colon, a semicolon or a bracket inside a name is a tail read wrongly. */
const NOT_A_NAME = /[:：;；()（）〈〉《》]|[头任合办]单位./;

/**
 * Unit fields a scan got wrong whatever tesseract's confidence says:
 * - an item whose units fell back to the issuer (none read) while its text shows what is left of a
 *   unit label: the label was misread, and the units after it went unread;
 * - a unit name that is not one (it holds a label or a bracket, or ends in no unit ending): a tail
 *   split in the wrong places.
 */
export function flagUnreadUnits(plan: ParsedPlan, text: string): ParsedPlan {
  const lines = text.split('\n');
  // The line that holds the whole name, else its start (a name the page wrapped).
  const lineOf = (s: string) => (lines.findIndex((l) => l.includes(s)) + 1 || lines.findIndex((l) => s.length >= 2 && l.includes(s.slice(0, 6))) + 1) || 1;
  const warnings: ImportWarning[] = [];
  for (const t of plan.tasks) {
    const trace = LABEL_TRACE.exec(t.content);
    const defaulted = t.leadUnits.length === 1 && t.leadUnits[0] === plan.plan.issuer && !t.responsibleUnits.length && !t.assistingUnits.length;
    if (defaulted && trace) {
      warnings.push({
        line: lineOf(t.title),
        field: 'leadUnits',
        text: t.title,
        message: `文字识别没有读出单位（文中有「${trace[0]}」）：事项 ${t.code} 的牵头单位、责任单位、配合单位请核对，牵头单位暂按发文单位「${plan.plan.issuer}」读入`,
      });
      continue;
    }
    for (const [field, units] of [
      ['牵头单位', t.leadUnits],
      ['责任单位', t.responsibleUnits],
      ['配合单位', t.assistingUnits],
    ] as const) {
      for (const u of units) {
        if (looksLikeUnit(u) && !NOT_A_NAME.test(u)) continue;
        warnings.push({ line: lineOf(u), field: 'units', text: u, message: `文字识别读出的事项 ${t.code} 的${field}「${u}」不像单位名称，请核对` });
      }
    }
  }
  return { ...plan, warnings: [...plan.warnings, ...warnings] };
}
