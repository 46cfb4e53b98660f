import { createHash } from 'node:crypto';
import { decodeText, looksBinary } from './readers/txt.reader';
import { normalizedText } from './text';
import type { ParsedPlan } from './types';

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * sha256 hex identifying a document, so importing the same document again changes nothing:
 * - a ParsedPlan: its plan, targets and tasks (warnings excluded) in a key-sorted form, so the same
 *   content reached through .txt, .docx or .html hashes alike;
 * - a string or text Buffer: the normalized text (line endings, spaces, encoding do not matter);
 * - a binary Buffer (docx/xlsx): the bytes.
 */
export function contentHash(input: ParsedPlan | Buffer | string): string {
  const h = createHash('sha256');
  if (typeof input === 'string') return h.update(normalizedText(input)).digest('hex');
  if (Buffer.isBuffer(input)) {
    if (looksBinary(input)) return h.update(input).digest('hex');
    try {
      return h.update(normalizedText(decodeText(input))).digest('hex');
    } catch {
      return h.update(input).digest('hex');
    }
  }
  return h.update(stable({ plan: input.plan, targets: input.targets, tasks: input.tasks })).digest('hex');
}
