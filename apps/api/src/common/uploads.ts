import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';

/**
 * Multipart options for every upload. Browsers and curl send file names as raw UTF-8 without a charset
 * parameter; busboy's default (latin1) turned 市科技局2027年督查要点.txt into mojibake.
 */
export function uploadOptions(limits: MulterOptions['limits']): MulterOptions {
  return { limits, defParamCharset: 'utf8' };
}
