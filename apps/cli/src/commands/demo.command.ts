import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { PlanImportService } from '@app/application';
import { Env } from '@app/config';
import { contentHash, importDocument, loadUnitDirectory } from '@app/importer';
import { hashPassword, PlanRepository, SYSTEM_ACTOR, UnitRepository, UserRepository } from '@app/persistence';
import { CliDatabase } from '../cli-database.service';
import { CliError } from '../cli-error';
import { DEMO_PASSWORD, DEMO_USERS, demoEmail } from '../demo/demo-users';

/** Creates the first admin, loads the unit directory, the demo users and the seed plans. Safe to repeat. */
@Command({ name: 'demo', description: 'Load the unit directory, demo users and the seed plans (idempotent)' })
export class DemoCommand extends CommandRunner {
  constructor(
    private readonly db: CliDatabase,
    private readonly env: Env,
  ) {
    super();
  }

  @Option({ flags: '--seeds <dir>', description: 'folder with seed documents and units.json', defaultValue: 'seeds' })
  parseSeeds(v: string) {
    return v;
  }

  async run(_: string[], o: { seeds: string }): Promise<void> {
    const dir = resolve(o.seeds ?? 'seeds');
    const units = await this.db.get(UnitRepository);
    const users = await this.db.get(UserRepository);
    const plans = await this.db.get(PlanRepository);
    const loaded = await units.upsertDirectory(loadUnitDirectory(join(dir, 'units.json')));
    log(`unit directory: ${loaded.units} units, ${loaded.groups} groups`);
    await this.ensureAdmin(users);
    const supervisorIds = await this.ensureDemoUsers(users, units);
    const files = (await readdir(dir)).filter((f) => /\.(txt|html?|docx|xlsx|csv)$/i.test(f)).sort();
    const imports = await this.db.get(PlanImportService);
    for (const f of files) {
      const content = await readFile(join(dir, f));
      const parsed = await importDocument({ fileName: f, content });
      const preview = await imports.preview(parsed, { contentHash: contentHash(content), fileName: f, actor: SYSTEM_ACTOR });
      const result = await imports.commit(preview.importId, SYSTEM_ACTOR);
      for (const userId of supervisorIds) await plans.addSupervisor(result.planId, userId);
      log(`${f}: ${result.kind === 'unchanged' ? 'already loaded' : `${parsed.tasks.length} tasks`} — ${parsed.plan.title}`);
    }
  }

  private async ensureAdmin(users: UserRepository) {
    const { created } = await users.createIfMissing({
      username: this.env.ADMIN_USERNAME,
      displayName: '系统管理员',
      email: demoEmail(this.env.ADMIN_USERNAME),
      passwordHash: await hashPassword(this.env.ADMIN_PASSWORD),
      unitId: null,
      roles: ['admin'],
    });
    if (created) log(`admin user: ${this.env.ADMIN_USERNAME}`);
  }

  private async ensureDemoUsers(users: UserRepository, units: UnitRepository): Promise<string[]> {
    const hash = await hashPassword(DEMO_PASSWORD);
    const supervisors: string[] = [];
    for (const u of DEMO_USERS) {
      let unitId: string | null = null;
      if (u.unit) {
        const r = await units.resolve(u.unit);
        if (r.kind !== 'unit') throw new CliError(`demo user ${u.username}: unit "${u.unit}" is not in seeds/units.json`);
        unitId = r.unit.id;
      }
      const { user } = await users.createIfMissing({
        username: u.username,
        displayName: u.displayName,
        email: demoEmail(u.username),
        passwordHash: hash,
        unitId,
        roles: u.roles,
      });
      if (u.roles.includes('supervisor')) supervisors.push(user.id);
    }
    log(`demo users: ${DEMO_USERS.map((u) => u.username).join(', ')} (password ${DEMO_PASSWORD})`);
    return supervisors;
  }
}

const log = (s: string) => process.stderr.write(`${s}\n`);
