import JSZip from 'jszip';
import { ImportError } from '../errors';
import { assertSafeOfficeZip } from './zip-guard';

async function zip(files: Record<string, string | Buffer>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const codeOf = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof ImportError ? e.code : 'other';
  }
  return 'none';
};

describe('assertSafeOfficeZip', () => {
  it('accepts an ordinary Office package', async () => {
    const buf = await zip({ '[Content_Types].xml': '<?xml version="1.0"?><Types/>', 'word/document.xml': '<w:document/>' });
    expect(codeOf(() => assertSafeOfficeZip(buf))).toBe('none');
  });

  it('refuses an entry that inflates past the limit (zip bomb), without inflating it all', async () => {
    const buf = await zip({ 'word/document.xml': Buffer.alloc(5 * 1024 * 1024, 0x20) });
    expect(buf.length).toBeLessThan(64 * 1024); // tiny on disk
    expect(codeOf(() => assertSafeOfficeZip(buf, { maxEntries: 10, maxTotalBytes: 1024 * 1024 }))).toBe('too_large');
  });

  it('refuses XML parts that declare a DTD or entities', async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document>&lol2;</w:document>';
    const buf = await zip({ 'word/document.xml': bomb });
    expect(codeOf(() => assertSafeOfficeZip(buf))).toBe('unreadable');
  });

  it('refuses too many entries and broken archives', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) many[`f${i}.xml`] = '<a/>';
    const buf = await zip(many);
    expect(codeOf(() => assertSafeOfficeZip(buf, { maxEntries: 20, maxTotalBytes: 1e6 }))).toBe('unreadable');
    expect(codeOf(() => assertSafeOfficeZip(Buffer.from('PK\u0003\u0004 not really a zip')))).toBe('unreadable');
  });
});
