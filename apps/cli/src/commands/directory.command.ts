import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Command, Option } from 'nest-commander';
import { DirectoryImportService, DirectoryRowsError, DirectorySheet } from '@app/application';
import { planCounts } from '@app/domain';
import { SYSTEM_ACTOR } from '@app/persistence';
import { DbCommand, readInputFile } from '../db-command';
import { CliError } from '../cli-error';

const SHEETS: DirectorySheet[] = ['units', 'groups', 'users'];

/** Every bad row on its own line, then exit code 1; nothing was written. */
function refused(e: unknown): never {
  if (!(e instanceof DirectoryRowsError)) throw e;
  const rows = e.errors.map((r) => `  ${r.sheet ? `${r.sheet} ` : ''}${r.message}`);
  throw new CliError([`directory import refused, nothing written: ${e.message}`, ...rows].join('\n'));
}

const counts = (c: Record<string, { created: number; updated: number; unchanged: number }>) =>
  Object.entries(c)
    .map(([k, v]) => `  ${k.padEnd(7)} ${v.created} new, ${v.updated} changed, ${v.unchanged} unchanged`)
    .join('\n');

@Command({
  name: 'directory-import',
  arguments: '<file>',
  description: 'Import units, groups and users from an .xlsx (sheets 单位, 分组, 用户) or a .csv; --dry-run checks and reports only',
})
export class DirectoryImportCommand extends DbCommand {
  @Option({ flags: '--dry-run', description: 'check every row and print what would change; write nothing' })
  parseDryRun() {
    return true;
  }

  async run([file]: string[], o: { dryRun?: boolean }): Promise<void> {
    const content = await readInputFile(file);
    const service = await this.db.get(DirectoryImportService);
    const { rows, plan } = await service.check(basename(file), content).catch(refused);
    const lines = [`${file}`];
    if (o.dryRun) {
      lines.push(counts(planCounts(plan)), 'dry run: nothing written');
    } else {
      const result = await service.apply(rows, SYSTEM_ACTOR, basename(file)).catch(refused);
      lines.push(counts(result.counts));
      if (result.initialPasswords.length) {
        lines.push('initial passwords of new users (shown once; hand them over and have them changed):');
        for (const p of result.initialPasswords) lines.push(`  ${p.username}\t${p.password}`);
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

@Command({
  name: 'directory-export',
  arguments: '<file>',
  description: 'Write the directory in the import format: .xlsx (every sheet) or .csv (one table, --sheet units|groups|users)',
})
export class DirectoryExportCommand extends DbCommand {
  @Option({ flags: '--sheet <sheet>', description: 'for .csv: units (default), groups or users' })
  parseSheet(v: string) {
    if (!SHEETS.includes(v as DirectorySheet)) throw new CliError(`--sheet must be one of ${SHEETS.join(', ')}`);
    return v;
  }

  async run([file]: string[], o: { sheet?: DirectorySheet }): Promise<void> {
    const ext = extname(file).toLowerCase();
    if (ext !== '.xlsx' && ext !== '.csv') throw new CliError(`${file}: the file name must end in .xlsx or .csv`);
    const service = await this.db.get(DirectoryImportService);
    await writeFile(file, await service.export(ext === '.xlsx' ? 'xlsx' : 'csv', o.sheet ?? 'units'));
    process.stdout.write(`${file}: directory written\n`);
  }
}
