import { Command, CommandRunner } from 'nest-commander';
import { CliDatabase } from '../cli-database.service';

@Command({ name: 'migrate', description: 'Apply pending database migrations and exit' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly db: CliDatabase) {
    super();
  }

  async run(): Promise<void> {
    const ds = await this.db.dataSource(); // migrations run as the data source opens
    const applied = (await ds.query(`SELECT count(*)::int AS n FROM migrations`)) as { n: number }[];
    process.stderr.write(`database is up to date (${applied[0].n} migrations applied)\n`);
  }
}
