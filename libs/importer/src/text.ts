import type { Line } from './types';

/** Splits text into trimmed, non-empty lines that remember their 1-based line number. */
export function toLines(text: string): Line[] {
  const out: Line[] = [];
  const body = text.replace(/^\uFEFF/, '');
  // Nearly every text breaks lines with \n alone: a plain split then gives the same lines.
  const raw = /[\r\u2028\u2029]/.test(body) ? body.split(/\r\n|\r|\n|\u2028|\u2029/) : body.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const t = normalizeLine(raw[i]);
    if (t) out.push({ no: i + 1, text: t });
  }
  return out;
}

// Any character the full normalisation would touch; most lines hold none and are only trimmed.
const NEEDS_NORMALIZING = /[\u200b-\u200f\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00a0\u3000\t\u2002-\u200a]| {2}/;

/** Web copies carry NBSPs, ideographic spaces and zero-width marks; none of them mean anything. */
export function normalizeLine(s: string): string {
  if (!NEEDS_NORMALIZING.test(s)) return s.trim();
  return s
    .replace(/[\u200b-\u200f\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\u00a0\u3000\t\u2002-\u200a]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Canonical text of a document for hashing: same words in the same order → same hash. */
export function normalizedText(text: string): string {
  return toLines(text)
    .map((l) => l.text)
    .join('\n');
}
