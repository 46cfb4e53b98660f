export type ImportErrorCode =
  | 'unsupported_type'
  | 'unreadable'
  | 'unknown_encoding'
  | 'no_items'
  | 'empty'
  | 'too_large'
  | 'encrypted'
  | 'too_many_pages'
  | 'timeout'
  | 'ocr_unavailable'
  | 'needs_ocr';

/** The only error the importer throws; `line` (1-based) or `cell` ("Sheet1!C7") say where. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly line?: number;
  readonly cell?: string;

  constructor(code: ImportErrorCode, message: string, where: { line?: number; cell?: string } = {}) {
    const at = where.cell ? ` (${where.cell})` : where.line ? ` (line ${where.line})` : '';
    super(`${message}${at}`);
    this.name = 'ImportError';
    this.code = code;
    if (where.line !== undefined) this.line = where.line;
    if (where.cell !== undefined) this.cell = where.cell;
  }
}

/** Limits keep one hostile upload from pinning a CPU; real plans are far below them. */
export const MAX_BYTES = 20 * 1024 * 1024;
export const MAX_CHARS = 4 * 1024 * 1024;

/** Page count and wall-clock limits of the fixed-layout readers (PDF, OFD, OCR); config sets them. */
export interface ReadLimits {
  maxPages: number;
  timeoutMs: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxPages: 200, timeoutMs: 60_000 };
