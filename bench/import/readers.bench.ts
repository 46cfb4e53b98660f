// The HTML and CSV readers against themselves before the switch to htmlparser2 and csv-parse
// (BASELINE_REF, default 39505a8), in one process: importDocument on the HTML, CSV and .docx
// fixtures, old and new rounds alternating, CPU time compared (a busy shared machine slows both alike).
// Run: npx ts-node -T -r tsconfig-paths/register bench/import/readers.bench.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDocument, type ImportSource } from '@app/importer';
import { loadBaseline } from '../import-accuracy/baseline';
import { buildDocx } from '../../libs/importer/test/build-docx';

/** main just before the readers were replaced. */
const BEFORE_READERS = process.env.BASELINE_REF ?? '39505a8';
const fixtures = join(__dirname, '../../libs/importer/test/fixtures');
const file = (name: string): ImportSource => ({ fileName: name, content: readFileSync(join(fixtures, name)) });

type Import = (src: ImportSource) => Promise<unknown>;

async function cpu(fn: Import, docs: ImportSource[]): Promise<number> {
  const start = process.cpuUsage();
  for (const d of docs) await fn(d).catch(() => undefined); // a refusal is part of the work
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function main(): Promise<void> {
  const old = loadBaseline(BEFORE_READERS).importDocument as Import;
  const now = importDocument as Import;
  const docx = await buildDocx([
    '关于印发重点任务分工方案的通知',
    ...Array.from({ length: 40 }, (_, i) => `（${i + 1}）推进第${i + 1}项重点工作，2026年${(i % 12) + 1}月底前完成。（牵头单位：市发展改革委；责任单位：市财政局）`),
  ]);
  // A ledger of 300 rows: here the readers' own speed shows rather than each call's set-up.
  const ledger = ['序号,重点任务,牵头单位,责任单位,完成时限', ...Array.from({ length: 300 }, (_, i) =>
    `${i + 1},"推进第${i + 1}项重点工作，建立""周调度""机制",市发展改革委,市财政局、市商务局,2026年${(i % 12) + 1}月底前`)].join('\r\n');
  const sets: Record<string, ImportSource[]> = {
    html: [file('page.html'), file('unseen/f-fujian-qingdan.html'), file('unseen/i-chrome-page.html')],
    csv: [file('tasks.csv'), file('unseen/b-renwu-table.csv'), file('unseen/l-duban-taizhang.csv')],
    'csv-300': [{ fileName: 'ledger.csv', content: Buffer.from(ledger) }],
    docx: [{ fileName: 'plan.docx', content: docx }],
  };
  console.log(`old = importer at ${BEFORE_READERS} (hand-written readers), new = working tree`);
  for (const [name, docs] of Object.entries(sets)) {
    for (let i = 0; i < 5; i++) { await cpu(old, docs); await cpu(now, docs); } // warm-up
    let tOld = 0;
    let tNew = 0;
    let rounds = 0;
    while (tOld + tNew < 4) {
      tOld += await cpu(old, docs);
      tNew += await cpu(now, docs);
      rounds++;
    }
    const kb = docs.reduce((n, d) => n + d.content.length, 0) / 1024;
    console.log(`${name.padEnd(7)} ${kb.toFixed(1).padStart(6)} KB × ${rounds}: old ${(tOld / rounds * 1000).toFixed(2)} ms  new ${(tNew / rounds * 1000).toFixed(2)} ms  new/old speed = ${(tOld / tNew).toFixed(3)}`);
  }
}

void main();
