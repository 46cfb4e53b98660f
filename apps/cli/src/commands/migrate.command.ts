import { Command } from 'nest-commander';
import { appliedMigrations } from '@app/persistence';
import { DbCommand } from '../db-command';

@Command({ name: 'migrate', description: 'Apply pending database migrations and exit' })
export class MigrateCommand extends DbCommand {
  async run(): Promise<void> {
    const ds = await this.db.dataSource(); // migrations run as the data source opens
    process.stderr.write(`database is up to date (${await appliedMigrations(ds)} migrations applied)\n`);
  }
}
