/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) and DEL, which ExcelJS also
 * dropped: a note pasted from a Word file can carry a form feed or a vertical tab, and one such byte
 * would make the whole workbook unreadable. Lone surrogates need nothing here: UTF-8 encoding turns
 * them into U+FFFD.
 */
const ILLEGAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]/g;
const SPECIAL = /[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]/;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for XML element content or a double-quoted attribute; most cells need no change and are returned as they are. */
export function xmlText(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(ILLEGAL, '').replace(/[&<>"]/g, (c) => ENTITY[c]);
}
