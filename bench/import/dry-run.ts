import { readFileSync, readdirSync } from 'fs';
import { parsePlanText } from '@app/importer';
const only = process.argv[2];
for (const f of readdirSync('seeds').filter((f) => f.endsWith('.txt'))) {
  if (only && !f.startsWith(only)) continue;
  const p = parsePlanText(readFileSync('seeds/' + f, 'utf8'), { fileName: f });
  console.log(f, JSON.stringify(p.plan), 'targets', p.targets.length, 'tasks', p.tasks.length, 'warnings', p.warnings.length);
  if (only) console.log(JSON.stringify(p, null, 1).slice(0, Number(process.argv[3] ?? 6000)));
  else for (const t of p.tasks) console.log(' ', t.code, t.group, t.deadline, t.leadUnits.join('/'), '|', t.responsibleUnits.join('/'), '|', t.title.slice(0, 30), t.steps.length, t.recurrence);
  for (const t of p.targets) console.log('  T', t.code, t.text.slice(0, 30), JSON.stringify(t.indicators.map(i=>[i.value,i.unit,i.comparator,i.deadline])));
}
