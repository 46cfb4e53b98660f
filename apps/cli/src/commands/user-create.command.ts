import { Command, Option } from 'nest-commander';
import { hashPassword, Role, UnitRepository, UserRepository } from '@app/persistence';
import { DbCommand } from '../db-command';
import { CliError } from '../cli-error';

const ROLES: Role[] = ['staff', 'unit_head', 'supervisor', 'leader', 'admin'];

interface Options {
  password?: string;
  role?: Role[];
  unit?: string;
  email?: string;
  name?: string;
}

@Command({ name: 'user-create', arguments: '<username>', description: 'Create a user: --password (8+ characters), --role (repeatable), --unit <code>, --email, --name' })
export class UserCreateCommand extends DbCommand {
  @Option({ flags: '--password <password>', description: 'at least 8 characters' })
  parsePassword(v: string) {
    return v;
  }

  @Option({ flags: '--role <role>', description: `one of ${ROLES.join(', ')}; repeat for several` })
  parseRole(v: string, prev: Role[] = []) {
    if (!ROLES.includes(v as Role)) throw new CliError(`--role must be one of ${ROLES.join(', ')} (got "${v}")`);
    return [...prev, v as Role];
  }

  @Option({ flags: '--unit <code>', description: 'unit code from the directory (GET /units, or npm run cli -- directory-export)' })
  parseUnit(v: string) {
    return v;
  }

  @Option({ flags: '--email <email>' })
  parseEmail(v: string) {
    if (!/^[^\s@]+@[^\s@]+$/.test(v)) throw new CliError(`--email is not an e-mail address (got "${v}")`);
    return v;
  }

  @Option({ flags: '--name <display name>' })
  parseName(v: string) {
    return v;
  }

  async run([username]: string[], o: Options): Promise<void> {
    const password = o.password;
    if (!password || password.length < 8) throw new CliError('--password is required and must be at least 8 characters');
    const units = await this.db.get(UnitRepository);
    const users = await this.db.get(UserRepository);
    let unitId: string | null = null;
    if (o.unit) {
      const unit = await units.findByCode(o.unit);
      if (!unit) throw new CliError(`--unit: no unit with code "${o.unit}"`);
      unitId = unit.id;
    }
    const { created } = await users.createIfMissing({
      username,
      displayName: o.name ?? username,
      email: o.email ?? null,
      passwordHash: await hashPassword(password),
      unitId,
      roles: o.role?.length ? o.role : ['staff'],
    });
    if (!created) throw new CliError(`user "${username}" already exists`);
    process.stdout.write(`created user ${username}\n`);
  }
}
