import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as child from '../src/readers/child-process';
import { compareScan, SCANNED, scanOf } from './scan-fidelity';

// Every page is printed, scanned and rasterised for real (pdfkit, pdftoppm): about a minute for all seven.
jest.setTimeout(600_000);

/**
 * tesseract's answers for every page of the fidelity bench's scans, per document in the order the
 * importer asks (a page with a ruled table is asked twice), kept by `scan-fidelity.ts --record` from a
 * real run: the scans are deterministic, so replaying them tests the layout, parsing and warnings on the
 * OCR output the bench measured, in seconds a page instead of tesseract's ~8 s of CPU.
 */
const ANSWERS = JSON.parse(gunzipSync(readFileSync(join(__dirname, 'fixtures', 'scan-answers.json.gz'))).toString('utf8')) as Record<string, string[]>;

/** Items each scan matched when the answers were kept (2026-12-02): a change may match more, never fewer. */
const MATCHED: Record<string, number> = { '000': 8, '001': 18, '002': 18, '003': 16, '004': 14, 'ruled-003': 22, 'ruled-004': 18 };

describe('a scan of each seed imports as its text, or the preview says where it does not (tesseract answers replayed)', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each(SCANNED)('%s: no item lost and no field different without a warning', async (name) => {
    const answers = [...ANSWERS[name]];
    const run = child.runChild;
    jest.spyOn(child, 'runChild').mockImplementation(async (command, args, opts) => {
      if (command !== 'tesseract') return run(command, args, opts);
      const tsv = answers.shift();
      // The importer asked tesseract more often than when the answers were kept (a page newly found ruled).
      if (tsv === undefined) throw new Error(`no kept tesseract answer left for ${name}: run scan-fidelity.ts --record`);
      return { stdout: Buffer.from(tsv, 'utf8'), stderr: '', code: 0 };
    });
    const { scan, reference } = await scanOf(name);
    const fidelity = compareScan(scan, reference);
    expect(answers).toEqual([]);
    expect(fidelity.lostSilently).toEqual([]);
    expect(fidelity.silent).toEqual([]);
    expect(fidelity.matched).toBeGreaterThanOrEqual(MATCHED[name]);
  });
});
