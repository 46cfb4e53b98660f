import * as OpenCC from 'opencc-js';

/**
 * Traditional-script plans (港澳台 copies, 繁體 mirrors of mainland pages) are read in Simplified so
 * labels, unit names and the directory match; the words the supervisor sees keep the original
 * script. OpenCC converts character by character here, so positions line up and each Simplified
 * character can be mapped back to the Traditional one the document used.
 */
export interface ScriptView {
  text: string;
  traditional: boolean;
  /** Puts a Simplified string read from `text` back into the document's own script. */
  restore(s: string): string;
}

// Characters that exist only in Traditional script and are common in plans: cheap to look for,
// so Simplified documents (nearly all) never pay for the conversion.
const TRADITIONAL_ONLY = new Uint8Array(0x10000);
for (const c of '與這個們來會對說時從為國過發經還應麼開關實現點體區種樣學機產間務進報將單責領導門縣廳費級確設計劃據總規則財農業歲於議組織') TRADITIONAL_ONLY[c.charCodeAt(0)] = 1;

let converter: ((s: string) => string) | null = null;

function convert(s: string): string {
  const c = converter ?? OpenCC.Converter({ from: 't', to: 'cn' });
  converter = c;
  return c(s);
}

const identity: ScriptView = { text: '', traditional: false, restore: (s) => s };

export function simplifiedView(text: string): ScriptView {
  let hits = 0;
  const n = Math.min(text.length, 2000);
  for (let i = 0; i < n && hits < 5; i++) hits += TRADITIONAL_ONLY[text.charCodeAt(i)];
  if (hits < 5) return { ...identity, text };
  const simplified = convert(text);
  if (simplified.length !== text.length) {
    // Phrase conversions changed a length: read converted, but nothing can be mapped back.
    return { text: simplified, traditional: true, restore: (s) => s };
  }
  const back = new Map<string, Map<string, number>>();
  for (let i = 0; i < text.length; i++) {
    const s = simplified[i];
    const t = text[i];
    if (s === t) continue;
    const counts = back.get(s) ?? new Map<string, number>();
    counts.set(t, (counts.get(t) ?? 0) + 1);
    back.set(s, counts);
  }
  const best = new Map<string, string>();
  for (const [s, counts] of back) best.set(s, [...counts].sort((a, b) => b[1] - a[1])[0][0]);
  return { text: simplified, traditional: true, restore: (s) => [...s].map((c) => best.get(c) ?? c).join('') };
}
