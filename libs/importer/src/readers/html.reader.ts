import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

/** Entities in OFD's XML attributes and text; the named HTML ones too, as older writers use them. */
export function decodeEntities(s: string): string {
  return decodeHTML(s);
}

/** Elements whose whole content is page furniture or code, never plan text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'iframe', 'svg', 'select', 'button', 'form']);
/** Header and footer go too, leaving a space so the words on either side stay apart. */
const CHROME = new Set(['header', 'footer']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'tbody', 'thead',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'hr', 'center',
]);

/**
 * Text of a government web page: scripts, styles, navigation, header/footer elements and comments go;
 * block elements and <br> become line breaks, so a table becomes one cell per line (like seed 002).
 * htmlparser2 tokenises (forgiving of the unclosed tags old sites are full of) and decodes entities;
 * the line structure the plan parser reads is decided here.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipped = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'body') skipped = 0; // a <head> never closed must not swallow the page
        if (SKIP.has(name) || CHROME.has(name)) skipped++;
        else if (!skipped && BLOCK.has(name)) out.push('\n');
      },
      // A close the source never wrote (<br>, <p> ended by the next <p>) adds no line of its own.
      onclosetag(name, implied) {
        if (SKIP.has(name) || CHROME.has(name)) {
          skipped = Math.max(0, skipped - 1);
          if (!skipped && CHROME.has(name)) out.push(' ');
        } else if (!skipped && !implied && BLOCK.has(name)) out.push('\n');
      },
      ontext(text) {
        if (!skipped) out.push(text.replace(/[\r\n]+/g, ' '));
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return out
    .join('')
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
