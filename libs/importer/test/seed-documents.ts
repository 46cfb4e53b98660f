import { ImportError } from '../src/errors';
import { parsePlanText } from '../src/parse';
import type { ParsedPlan } from '../src/types';
import { buildOfd } from './build-ofd';
import { buildPdf } from './build-pdf';
import { layoutPages, measurer, seedBlocks, type FixturePage, type LayoutOptions } from './page-layout';
import { seed } from './seeds';

export const SEEDS = ['000', '001', '002', '003', '004'];

/** How the fixtures print a seed: a running header and "- N -" page numbers, as offices do. */
const PRINTED: LayoutOptions = { header: '督办文件 内部资料', pageNumbers: true };

export function textImport(prefix: string): ParsedPlan {
  const s = seed(prefix);
  return parsePlanText(s.text, { fileName: s.fileName });
}

/** A seed read from another format must give what its text gives: the same plan, targets and tasks. */
export function expectSameAsText(parsed: ParsedPlan, prefix: string): void {
  const text = textImport(prefix);
  expect(parsed.plan).toEqual(text.plan);
  expect(parsed.targets).toEqual(text.targets);
  expect(parsed.tasks).toEqual(text.tasks);
}

/**
 * A seed's items printed as one ruled table (序号, 重点任务, 牵头单位, 完成时限), wrapped cells and
 * all, under the plan's title: the shape most 任务分工表 reach an office in. Its text-layer PDF is
 * what a scan of it must import to.
 */
export function ruledTablePages(prefix: string): FixturePage[] {
  const plan = textImport(prefix);
  const rows = [
    ['序号', '重点任务', '牵头单位', '完成时限'],
    ...plan.tasks.map((t) => [String(t.code).replace(/^.*?(\d+)$/, '$1'), `${t.title}。`, t.leadUnits.join('、'), t.deadlineText ?? '']),
  ];
  return layoutPages([plan.plan.title, { rows, widths: [0.1, 0.5, 0.25, 0.15] }], PRINTED);
}

export const seedPages = (prefix: string, opts: LayoutOptions = {}) => layoutPages(seedBlocks(seed(prefix).text), { ...PRINTED, ...opts });
export const seedPdf = (prefix: string, opts: LayoutOptions = {}) => buildPdf(seedPages(prefix, opts));
export const seedOfd = (prefix: string, opts: LayoutOptions = {}) => buildOfd(seedPages(prefix, opts), measurer());

/** The ImportError a promise rejects with (fails the test when it resolves or throws anything else). */
export async function importError(p: Promise<unknown>): Promise<ImportError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}
