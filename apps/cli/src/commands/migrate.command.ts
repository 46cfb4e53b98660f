import { Command, CommandRunner } from 'nest-commander';
import { appliedMigrations } from '@app/persistence';
import { CliDatabase } from '../cli-database.service';

@Command({ name: 'migrate', description: 'Apply pending database migrations and exit' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly db: CliDatabase) {
    super();
  }

  async run(): Promise<void> {
    const ds = await this.db.dataSource(); // migrations run as the data source opens
    process.stderr.write(`database is up to date (${await appliedMigrations(ds)} migrations applied)\n`);
  }
}
