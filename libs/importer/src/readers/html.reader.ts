const NAMED: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', hellip: '…', mdash: '—', ndash: '–',
  times: '×', copy: '©', reg: '®', laquo: '«', raquo: '»', bull: '•', deg: '°', yen: '¥', permil: '‰',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[ent.toLowerCase()] ?? whole;
  });
}

const BLOCK = /<\/?(p|div|br|li|ul|ol|tr|td|th|table|tbody|thead|h[1-6]|section|article|blockquote|pre|dd|dt|dl|hr|center)\b[^>]*>/gi;

/**
 * Text of a government web page: scripts, styles, navigation, header/footer elements and comments go;
 * block elements and <br> become line breaks, so a table becomes one cell per line (like seed 002).
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|noscript|template|head|nav|iframe|svg|select|button|form)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<(header|footer)\b[\s\S]*?<\/\1\s*>/gi, '\n')
      .replace(/[\r\n]+/g, ' ')
      .replace(BLOCK, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n');
}

export function looksLikeHtml(text: string): boolean {
  return /<(!doctype\s+html|html|body|head|div|p|table|span|br)[\s>/]/i.test(text.slice(0, 4000));
}

/** The charset a page declares, if any (GBK pages are common on older government sites). */
export function declaredCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}
