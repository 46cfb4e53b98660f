import { lineText, type PageLine } from './positioned-text';

const DOC_NO = /([\u4e00-\u9fa5]{1,12}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号)/;
const CLOSING = /^(抄\s*送|抄\s*报|主\s*题\s*词|(（|\()此件(公开发布|不公开|主动公开)(）|\)))/;
const ISSUED = /印\s*发\s*$/;

/**
 * The 红头 of an official document, as layout shows it: the issuer banner (far larger than the body,
 * usually "X文件"), the 文号 line (often with 签发人), the signature block (issuer right-aligned above
 * the date) and the closing 抄送/印发 block. Returns the lines the text parser should see: the banner
 * as the bare issuer name, the 文号 alone, the signature date alone; the closing block dropped.
 */
export function readRedHead(lines: PageLine[], bodySize: number, pageWidth: (page: number) => number): PageLine[] {
  const out: PageLine[] = [];
  let closed = false;
  lines.forEach((l, i) => {
    const text = lineText(l).trim();
    if (closed) return;
    if (CLOSING.test(text)) {
      closed = true;
      return;
    }
    if (ISSUED.test(text) && i >= lines.length - 3) return;
    const onFirstPage = l.page === lines[0]?.page && i < 6;
    if (onFirstPage && l.size >= bodySize * 1.5 && /文\s*件$/.test(text.replace(/\s/g, ''))) {
      out.push(withText(l, text.replace(/\s/g, '').replace(/文件$/, '')));
      return;
    }
    const no = DOC_NO.exec(text);
    if (onFirstPage && no && text.length < 40) {
      out.push(withText(l, no[1].replace(/\s/g, '')));
      return;
    }
    // The issuer's name right-aligned just above the signature date: kept out of the last item.
    const next = lines[i + 1];
    const rightHalf = (x: PageLine) => x.x > pageWidth(x.page) * 0.45;
    if (next && rightHalf(l) && rightHalf(next) && l.cells.length === 1 && text.length <= 30 && /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(lineText(next).trim())) {
      return;
    }
    out.push(l);
  });
  return out;
}

function withText(l: PageLine, text: string): PageLine {
  const cell = { x: l.x, right: l.right, text };
  return { ...l, cells: [cell], runs: [cell] };
}
