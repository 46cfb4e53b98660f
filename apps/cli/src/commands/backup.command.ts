import { Command, CommandRunner, Option } from 'nest-commander';
import { BackupError, backupDatabase, restoreDatabase } from '@app/persistence';
import { CliDatabase } from '../cli-database.service';
import { CliError } from '../cli-error';

const say = (s: string) => process.stderr.write(`${s}\n`);

@Command({
  name: 'backup',
  arguments: '<file>',
  description: 'Write a consistent backup of the whole database to <file> (gzipped JSON lines)',
})
export class BackupCommand extends CommandRunner {
  constructor(private readonly db: CliDatabase) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    const header = await backupDatabase(await this.db.dataSource(), file, (s) => say(`  ${s}`));
    const rows = header.tables.reduce((n, t) => n + t.rows, 0);
    process.stdout.write(`backup written to ${file}: ${header.tables.length} tables, ${rows} rows\n`);
  }
}

@Command({
  name: 'restore',
  arguments: '<file>',
  description: 'Restore a backup into this (empty) database in one transaction; --replace to overwrite',
})
export class RestoreCommand extends CommandRunner {
  constructor(private readonly db: CliDatabase) {
    super();
  }

  @Option({ flags: '--replace', description: 'delete the current data first (all in the same transaction)' })
  parseReplace() {
    return true;
  }

  async run([file]: string[], o: { replace?: boolean }): Promise<void> {
    try {
      const { rows } = await restoreDatabase(await this.db.dataSource(), file, { replace: !!o.replace }, (s) => say(`  ${s}`));
      process.stdout.write(`restored ${rows} rows from ${file}\n`);
    } catch (e) {
      if (e instanceof BackupError) throw new CliError(e.message);
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`${file}: no such file`);
      throw e;
    }
  }
}
