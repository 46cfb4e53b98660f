import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { readPgm, type Gray } from './layout/ruled-grid';

/**
 * Pixels the rule finder decodes at most: an A4 page at 600 dpi is 35 million. A bigger image is
 * still read by tesseract, as text only.
 */
const MAX_PIXELS = 40_000_000;

const isPng = (b: Buffer) => b.length > 24 && b.readUInt32BE(0) === 0x89504e47 && b.subarray(12, 16).toString('latin1') === 'IHDR';
const isJpeg = (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/** RGBA → grey (ITU-R 601 luma), transparency shown on white paper. */
function grayOfRgba(width: number, height: number, rgba: Uint8Array): Gray {
  const pixels = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < pixels.length; i++, p += 4) {
    const luma = (299 * rgba[p] + 587 * rgba[p + 1] + 114 * rgba[p + 2]) / 1000;
    const alpha = rgba[p + 3];
    pixels[i] = Math.round((luma * alpha + 255 * (255 - alpha)) / 255);
  }
  return { width, height, pixels };
}

/**
 * The greyscale pixels of a page image, for finding its ruled tables: a rasterised PDF page (PGM), or
 * an uploaded PNG or JPEG. null for anything else (a TIFF, a broken or oversized image): tesseract
 * still reads it, and says clearly when it cannot.
 */
export function grayOf(image: Buffer): Gray | null {
  const pgm = readPgm(image);
  if (pgm) return pgm;
  try {
    if (isPng(image)) {
      if (image.readUInt32BE(16) * image.readUInt32BE(20) > MAX_PIXELS) return null;
      const png = PNG.sync.read(image);
      return grayOfRgba(png.width, png.height, png.data);
    }
    if (isJpeg(image)) {
      const jpg = jpeg.decode(image, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 512 });
      return grayOfRgba(jpg.width, jpg.height, jpg.data);
    }
  } catch {
    // A file these decoders cannot read may still be one tesseract (leptonica) can.
    return null;
  }
  return null;
}
