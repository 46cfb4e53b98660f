import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePlanText } from '../src/parse';
import type { ParsedPlan } from '../src/types';

// What a supervisor checks after an import: how many items, their dates and their units. Layout
// noise that any copy of a document picks up must not change it.
const dir = join(__dirname, 'fixtures/corpus');
const DOCS = ['01-liaoning-district-lishan.txt', '02-guangdong-province-fengong.txt', '08-zhejiang-province-2024-hant.txt', '15-hubei-district-xianan.txt', '21-jiangsu-city-xuzhou.txt', '24-anhui-city-chuzhou.txt', '27-guangdong-city-guangzhou-hant.txt', '38-hubei-district-xialu.txt'];
const texts = DOCS.map((f) => readFileSync(join(dir, f), 'utf8'));

const names = (list: string[]) => list.map((u) => u.normalize('NFKC').replace(/\s+/g, '')).sort();

function reading(p: ParsedPlan) {
  return {
    year: p.plan.year,
    tasks: p.tasks.map((t) => ({ deadline: t.deadline, lead: names(t.leadUnits), responsible: names(t.responsibleUnits), assisting: names(t.assistingUnits) })),
  };
}

const read = (text: string) => reading(parsePlanText(text));

/** Extra spaces, tabs, ideographic spaces and blank lines around and inside lines. */
function shuffleWhitespace(text: string, seed: number[]): string {
  const pads = [' ', '\t', '\u3000', '  ', '\u00a0'];
  return text
    .split('\n')
    .map((line, i) => {
      const k = seed[i % seed.length];
      const pad = pads[k % pads.length];
      return `${k % 3 === 0 ? pad : ''}${line}${k % 2 === 0 ? pad : ''}${k % 5 === 0 ? '\n' : ''}`;
    })
    .join(k(seed) % 2 === 0 ? '\n' : '\r\n');
}
const k = (seed: number[]) => seed[0] ?? 0;

const WIDTH: [string, string][] = [
  [',', '，'], [':', '：'], [';', '；'], ['(', '（'], [')', '）'],
];

/** The same punctuation in the other width (the importer must read "，" and "," alike). */
function swapWidth(text: string, flip: boolean[]): string {
  let out = text;
  WIDTH.forEach(([half, full], i) => {
    if (!flip[i]) return;
    out = out.split(half).join('\u0000').split(full).join(half).split('\u0000').join(full);
  });
  return out;
}

/** Long sentences broken over lines, as a PDF or a narrow page column wraps them. */
function wrapLines(text: string, cuts: number[]): string {
  let c = 0;
  return text
    .split('\n')
    .map((line) => {
      const t = line.trim();
      if (t.length < 40 || !/[。)）\]]$/.test(t) || /[|｜]/.test(t)) return line;
      // Anywhere after the first 25 characters, including inside a "(牵头单位:…)" tail.
      const at = 25 + (cuts[c++ % cuts.length] % (t.length - 27));
      return `${t.slice(0, at)}\n${t.slice(at)}`;
    })
    .join('\n');
}

describe('corpus: layout noise does not change what is read', () => {
  const baseline = texts.map(read);

  it('whitespace: extra spaces, tabs, ideographic spaces, blank lines and CRLF', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (i, seed) => {
        expect(read(shuffleWhitespace(texts[i], seed))).toEqual(baseline[i]);
      }),
      { numRuns: 60 },
    );
  });

  it('full-width and half-width punctuation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(fc.boolean(), { minLength: WIDTH.length, maxLength: WIDTH.length }), (i, flip) => {
        expect(read(swapWidth(texts[i], flip))).toEqual(baseline[i]);
      }),
      { numRuns: 60 },
    );
  });

  it('line wrapping of long sentences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (i, cuts) => {
        expect(read(wrapLines(texts[i], cuts))).toEqual(baseline[i]);
      }),
      { numRuns: 60 },
    );
  });
});
