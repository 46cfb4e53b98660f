import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';

const run = promisify(execFile);

interface Gray {
  width: number;
  height: number;
  pixels: Buffer;
}

function readPgm(buf: Buffer): Gray {
  // "P5\n<w> <h>\n255\n" then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [all, w, h] = header;
  return { width: Number(w), height: Number(h), pixels: buf.subarray(all.length) };
}

/** A small deterministic PRNG: the same fixture every run, so a failure can be reproduced. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** What a scanner does to a page: a slight skew and speckle. */
function degrade(g: Gray, angleDeg: number, noise: number, seed: number): Gray {
  const { width: w, height: h } = g;
  const out = Buffer.alloc(w * h, 255);
  const a = (angleDeg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const [cx, cy] = [w / 2, h / 2];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sx = Math.round(cos * (x - cx) + sin * (y - cy) + cx);
      const sy = Math.round(-sin * (x - cx) + cos * (y - cy) + cy);
      if (sx >= 0 && sy >= 0 && sx < w && sy < h) out[y * w + x] = g.pixels[sy * w + sx];
    }
  }
  const rnd = prng(seed);
  for (let i = 0; i < out.length; i++) {
    const r = rnd();
    if (r < noise / 2) out[i] = 0;
    else if (r < noise) out[i] = 255;
  }
  return { width: w, height: h, pixels: out };
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit greyscale PNG. */
function png(g: Gray): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(g.width, 0);
  ihdr.writeUInt32BE(g.height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc((g.width + 1) * g.height);
  for (let y = 0; y < g.height; y++) g.pixels.copy(raw, y * (g.width + 1) + 1, y * g.width, (y + 1) * g.width);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A scan of a printed PDF: each page rasterised with poppler's pdftoppm at `dpi`, skewed by a
 * fraction of a degree and speckled, as PNG images (one a page).
 */
export async function scanPdf(pdf: Buffer, opts: { dpi?: number; angleDeg?: number; noise?: number; pages?: number } = {}): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'duban-scan-'));
  try {
    const input = join(dir, 'in.pdf');
    await import('node:fs/promises').then((fs) => fs.writeFile(input, pdf));
    const range = opts.pages ? ['-f', '1', '-l', String(opts.pages)] : [];
    await run('pdftoppm', ['-r', String(opts.dpi ?? 300), '-gray', ...range, input, join(dir, 'p')]);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
    const out: Buffer[] = [];
    for (const [i, f] of files.entries()) {
      const g = readPgm(await readFile(join(dir, f)));
      out.push(png(degrade(g, (opts.angleDeg ?? 0.4) * (i % 2 ? -1 : 1), opts.noise ?? 0.002, i + 1)));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
