import { Command, CommandRunner, Option } from 'nest-commander';
import { BackupError, backupDatabase, restoreDatabase } from '@app/persistence';
import { FileStore } from '@app/storage';
import { CliDatabase } from '../cli-database.service';
import { CliError } from '../cli-error';

const say = (s: string) => process.stderr.write(`${s}\n`);

@Command({
  name: 'backup',
  arguments: '<file>',
  description: 'Write a consistent backup of the whole database and its stored files to <file> (gzipped JSON lines)',
})
export class BackupCommand extends CommandRunner {
  constructor(
    private readonly db: CliDatabase,
    private readonly store: FileStore,
  ) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    const header = await backupDatabase(await this.db.dataSource(), file, (s) => say(`  ${s}`), this.store);
    const rows = header.tables.reduce((n, t) => n + t.rows, 0);
    const files = header.files ?? { count: 0, bytes: 0 };
    process.stdout.write(`backup written to ${file}: ${header.tables.length} tables, ${rows} rows, ${files.count} files (${files.bytes} bytes)\n`);
  }
}

@Command({
  name: 'restore',
  arguments: '<file>',
  description: 'Restore a backup (database and stored files) into this (empty) database in one transaction; --replace to overwrite',
})
export class RestoreCommand extends CommandRunner {
  constructor(
    private readonly db: CliDatabase,
    private readonly store: FileStore,
  ) {
    super();
  }

  @Option({ flags: '--replace', description: 'delete the current data first (all in the same transaction)' })
  parseReplace() {
    return true;
  }

  async run([file]: string[], o: { replace?: boolean }): Promise<void> {
    try {
      const { rows, files } = await restoreDatabase(await this.db.dataSource(), file, { replace: !!o.replace, bytes: this.store }, (s) => say(`  ${s}`));
      process.stdout.write(`restored ${rows} rows and ${files} files from ${file}\n`);
    } catch (e) {
      if (e instanceof BackupError) throw new CliError(e.message);
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`${file}: no such file`);
      throw e;
    }
  }
}
