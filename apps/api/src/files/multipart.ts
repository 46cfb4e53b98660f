import { BadRequestException } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';

export interface IncomingFile {
  /** As the client sent it, decoded as UTF-8. */
  fileName: string;
  stream: Readable;
}

/**
 * Reads a multipart/form-data request whose field `file` carries one file, and hands the file's
 * stream to `handle` as it arrives: nothing is buffered. Other parts are read and dropped. When
 * `handle` fails, the rest of the request is drained so the client still gets the answer.
 */
export function receiveFile<T>(req: Request, maxBytes: number, handle: (file: IncomingFile) => Promise<T>): Promise<T> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(new BadRequestException(['请以 multipart/form-data 上传，文件放在字段 file 中']));
  }
  return new Promise<T>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      // Browsers and curl send UTF-8 file names without a charset parameter (see common/uploads.ts).
      bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes + 1, fields: 20, fieldSize: 64 * 1024, parts: 40 } });
    } catch {
      return reject(new BadRequestException(['multipart 请求头无效：缺少 boundary']));
    }
    let work: Promise<T> | null = null;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(bb);
      req.resume();
      reject(e);
    };
    bb.on('file', (field, stream, info) => {
      if (field !== 'file' || work) {
        stream.resume();
        return;
      }
      work = handle({ fileName: info.filename ?? '', stream });
      work.catch(fail);
    });
    bb.on('error', () => fail(new BadRequestException(['multipart 请求格式错误或不完整'])));
    bb.on('close', () => {
      if (!work) return fail(new BadRequestException(['缺少文件：请以 multipart/form-data 字段 file 上传']));
      work.then((v) => {
        if (settled) return;
        settled = true;
        resolve(v);
      }, fail);
    });
    req.on('aborted', () => fail(new BadRequestException(['上传被中断'])));
    req.pipe(bb);
  });
}
