/**
 * The program a child Node process runs to read a PDF with pdf.js: bytes on stdin, JSON on stdout.
 * pdf.js is an ES module and parses untrusted input; in a child it can be killed at the time limit
 * and its memory is returned when it exits, whatever the PDF does.
 */
export const PDF_EXTRACT_SCRIPT = String.raw`
const [pdfjsUrl, cMapDir, fontDir, maxPages] = process.argv.slice(1);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const out = (o) => process.stdout.write(JSON.stringify(o));
  try {
    const pdfjs = await import(pdfjsUrl);
    const data = new Uint8Array(Buffer.concat(chunks));
    const doc = await pdfjs.getDocument({
      data, cMapUrl: cMapDir, cMapPacked: true, standardFontDataUrl: fontDir,
      isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
    }).promise;
    if (doc.numPages > Number(maxPages)) {
      out({ error: 'too_many_pages', pages: doc.numPages });
      return;
    }
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const text = await page.getTextContent();
      const runs = [];
      for (const it of text.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, b, , d, e, f] = it.transform;
        const size = Math.hypot(b, d) || Math.abs(a);
        runs.push({ x: e - x0, y: y1 - f, width: it.width, size, text: it.str });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, runs });
      page.cleanup();
    }
    out({ pages, maxRss: process.resourceUsage().maxRSS });
  } catch (e) {
    out({ error: e && e.name === 'PasswordException' ? 'encrypted' : 'broken', detail: String(e && e.message || e) });
  }
});
`;
