import { basename } from 'node:path';
import { Command, Option } from 'nest-commander';
import { importLimits, loadEnv } from '@app/config';
import { contentHash, importDocument, ParsedPlan } from '@app/importer';
import { PlanImportService } from '@app/application';
import { SYSTEM_ACTOR } from '@app/persistence';
import { DbCommand, readInputFile } from '../db-command';

interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
}

@Command({
  name: 'import',
  arguments: '<file>',
  description:
    'Import a plan document (.txt .html .docx .xlsx .csv .pdf .ofd). --dry-run parses and saves nothing; ' +
    '--json prints the import contract JSON on stdout and nothing else.',
})
export class ImportCommand extends DbCommand {
  @Option({ flags: '--dry-run', description: 'parse and report only; write nothing' })
  parseDryRun() {
    return true;
  }

  @Option({ flags: '--json', description: 'print the parsed plan as JSON (the import contract)' })
  parseJson() {
    return true;
  }

  async run([file]: string[], options: ImportOptions): Promise<void> {
    const content = await readInputFile(file);
    const parsed = await importDocument({ fileName: basename(file), content, limits: importLimits(loadEnv()) });
    if (options.dryRun) {
      if (options.json) process.stdout.write(`${JSON.stringify(parsed, null, 2)}\n`);
      else process.stdout.write(summary(file, parsed));
      return;
    }
    const repo = await this.db.get(PlanImportService);
    const preview = await repo.preview(parsed, { contentHash: contentHash(content), fileName: basename(file), actor: SYSTEM_ACTOR });
    const result = await repo.commit(preview.importId, SYSTEM_ACTOR);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ ...result, preview }, null, 2)}\n`);
      return;
    }
    process.stdout.write(summary(file, parsed));
    const what =
      result.kind === 'unchanged'
        ? 'unchanged: this document was imported before; nothing saved'
        : result.kind === 'revision'
          ? `revised plan ${result.planId}: ${result.tasksCreated} added, ${result.tasksUpdated} changed, ${result.tasksRemoved} removed`
          : `saved plan ${result.planId} with ${result.tasksCreated} tasks`;
    process.stdout.write(`${what}\n`);
    if (result.pendingUnits.length) {
      process.stdout.write(`units not in the directory (kept as pending): ${result.pendingUnits.join(', ')}\n`);
    }
  }
}

function summary(file: string, parsed: ParsedPlan): string {
  const p = parsed.plan;
  const lines = [
    `${file}`,
    `  plan:     ${p.title} (${p.year}; ${p.periodStart} – ${p.periodEnd})`,
    `  issuer:   ${p.issuer ?? '-'}${p.docNumber ? `  ${p.docNumber}` : ''}${p.publishedAt ? `  published ${p.publishedAt}` : ''}`,
    `  targets:  ${parsed.targets.length}`,
    `  tasks:    ${parsed.tasks.length} (steps: ${parsed.tasks.reduce((n, t) => n + t.steps.length, 0)})`,
  ];
  const groups = new Map<string, number>();
  for (const t of parsed.tasks) groups.set(t.group ?? '-', (groups.get(t.group ?? '-') ?? 0) + 1);
  if (groups.size > 1) lines.push(`  groups:   ${[...groups].map(([g, n]) => `${g}: ${n}`).join('; ')}`);
  for (const t of parsed.tasks) {
    // "责任单位：A、B" with no 牵头 makes A the lead and keeps it among the responsible units too.
    const responsible = t.responsibleUnits.filter((u) => !t.leadUnits.includes(u));
    const units = [...t.leadUnits.map((u) => `${u}(牵头)`), ...responsible].slice(0, 4).join('、');
    lines.push(`  ${t.code.padEnd(6)} ${t.deadline}  ${t.title.slice(0, 40)}${units ? `  [${units}]` : ''}`);
  }
  if (parsed.warnings.length) {
    lines.push(`  warnings: ${parsed.warnings.length}`);
    for (const w of parsed.warnings) lines.push(`    line ${w.line}: ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}
