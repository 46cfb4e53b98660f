import * as jpeg from 'jpeg-js';
import { crc32, deflateSync } from 'node:zlib';
import { grayOf } from './image-gray';
import { findRules, writePgm } from './layout/ruled-grid';
import { readScanPage } from './ocr-tsv';

describe('grayOf: an uploaded page image for the ruled-table finder', () => {
  // Two columns (x 100 | 200 | 600), two rows (y 100 | 160 | 240), rules 3 px thick, as in the OCR tests.
  const [w, h] = [700, 300];
  const gray = new Uint8Array(w * h).fill(255);
  for (const y of [100, 160, 240]) for (let x = 100; x <= 600; x++) for (let t = 0; t < 3; t++) gray[(y + t) * w + x] = 0;
  for (const x of [100, 200, 600]) for (let y = 100; y <= 240; y++) for (let t = 0; t < 3; t++) gray[y * w + x + t] = 0;
  /** An 8-bit RGBA PNG, no filters (pngjs's own writer is slow under Jest). */
  const png = (data: Buffer) => {
    const chunk = (type: string, body: Buffer) => {
      const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
      const head = Buffer.alloc(4);
      head.writeUInt32BE(body.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(typed) >>> 0);
      return Buffer.concat([head, typed, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(w, 0);
    ihdr.writeUInt32BE(h, 4);
    ihdr.set([8, 6, 0, 0, 0], 8);
    const raw = Buffer.alloc((w * 4 + 1) * h);
    for (let y = 0; y < h; y++) data.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4);
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  };
  const rgba = (alpha = 255) => {
    const out = Buffer.alloc(w * h * 4, alpha);
    for (let i = 0; i < gray.length; i++) out[4 * i] = out[4 * i + 1] = out[4 * i + 2] = gray[i];
    return out;
  };

  it('reads a PNG to the same pixels, and its table comes back as one', () => {
    const read = grayOf(png(rgba()));
    expect(read && [read.width, read.height]).toEqual([w, h]);
    expect(Buffer.from(read!.pixels).equals(gray)).toBe(true);
    const HEAD = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
    const word = (block: number, left: number, top: number, text: string) => `5\t1\t${block}\t1\t1\t1\t${left}\t${top}\t${text.length * 30}\t30\t90\t${text}`;
    const tsv = [HEAD, '1\t1\t0\t0\t0\t0\t0\t0\t700\t300\t-1\t', word(1, 120, 115, '序号'), word(1, 220, 115, '牵头单位'), word(2, 130, 185, '1'), word(2, 220, 185, '区数据局')].join('\n');
    const page = readScanPage(tsv, read!);
    expect(page.again).toBeDefined();
  });

  it('shows a transparent PNG on white paper', () => {
    expect(grayOf(png(rgba(0)))!.pixels.every((v) => v === 255)).toBe(true);
  });

  it('reads a JPEG closely enough to find the same rules', () => {
    const jpg = jpeg.encode({ width: w, height: h, data: rgba() }, 90).data;
    const read = grayOf(jpg)!;
    expect([read.width, read.height]).toEqual([w, h]);
    const rules = (g: typeof read) => findRules(g, 0, 30);
    expect(rules(read)).toEqual(rules({ width: w, height: h, pixels: gray }));
  });

  it('gives a PGM as it is, and nothing for what it cannot decode (tesseract reads those as text)', () => {
    expect(Buffer.from(grayOf(writePgm({ width: w, height: h, pixels: gray }))!.pixels).equals(gray)).toBe(true);
    expect(grayOf(Buffer.from('II*\0 a TIFF', 'latin1'))).toBeNull();
    expect(grayOf(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(20)]))).toBeNull();
  });
});
