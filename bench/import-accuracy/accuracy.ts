// Field-level precision and recall of the importer over the hand-labelled corpus.
// Run: npx ts-node -T -r tsconfig-paths/register bench/import-accuracy/accuracy.ts [--heldout|--tuned] [--docs]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanText, type ParsedPlan } from '@app/importer';
import { baselineRef, loadBaseline } from './baseline';
import { addScores, emptyScores, FIELDS, precision, recall, scoreDoc, type GoldDoc, type Scores } from './score';

export const CORPUS = join(__dirname, '../../libs/importer/test/fixtures/corpus');

export function loadGold(): GoldDoc[] {
  return JSON.parse(readFileSync(join(CORPUS, 'gold.json'), 'utf8')) as GoldDoc[];
}

export function readDoc(doc: GoldDoc): string {
  return readFileSync(join(CORPUS, doc.file), 'utf8');
}

export type Parser = (text: string, fileName: string) => ParsedPlan;

export function evaluate(docs: GoldDoc[], parse: Parser): { total: Scores; perDoc: { doc: GoldDoc; scores: Scores; error: string | null }[] } {
  let total = emptyScores();
  const perDoc = docs.map((doc) => {
    let plan: ParsedPlan | null = null;
    let error: string | null = null;
    try {
      plan = parse(readDoc(doc), doc.file);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const scores = scoreDoc(doc, plan);
    total = addScores(total, scores);
    return { doc, scores, error };
  });
  return { total, perDoc };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

export function table(total: Scores): string {
  const rows = [`| field       | precision | recall  | tp/fp/fn     |`, `| ----------- | --------- | ------- | ------------ |`];
  for (const f of FIELDS) {
    const c = total[f];
    rows.push(`| ${f.padEnd(11)} | ${pct(precision(c)).padStart(9)} | ${pct(recall(c))} | ${`${c.tp}/${c.fp}/${c.fn}`.padEnd(12)} |`);
  }
  return rows.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const all = loadGold();
  const docs = args.includes('--heldout') ? all.filter((d) => d.heldout) : args.includes('--tuned') ? all.filter((d) => !d.heldout) : all;
  // --before: the importer as it was before issue #15 (705856a, or BASELINE_REF).
  const parse = args.includes('--before') ? loadBaseline().parsePlanText : parsePlanText;
  const { total, perDoc } = evaluate(docs, (text, fileName) => parse(text, { fileName }));
  const which = args.includes('--heldout') ? 'held-out' : args.includes('--tuned') ? 'tuned' : 'all';
  const version = args.includes('--before') ? `importer at ${baselineRef()}` : 'working tree importer';
  console.log(`corpus: ${docs.length} documents (${which}), ${docs.reduce((n, d) => n + d.items.length, 0)} gold items; ${version}`);
  console.log(table(total));
  if (args.includes('--docs')) {
    for (const { doc, scores, error } of perDoc) {
      const bad = FIELDS.filter((f) => scores[f].fp + scores[f].fn > 0).map((f) => `${f} ${scores[f].tp}/${scores[f].fp}/${scores[f].fn}`);
      console.log(`${doc.id}${doc.heldout ? '*' : ' '} ${error ? `ERROR ${error}` : bad.join('  ') || 'ok'}`);
    }
  }
}
