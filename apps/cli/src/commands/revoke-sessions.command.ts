import { Command } from 'nest-commander';
import { SessionRevoker, SessionUserNotFoundError } from '@app/application';
import { SYSTEM_ACTOR } from '@app/persistence';
import { DbCommand } from '../db-command';
import { CliError } from '../cli-error';

@Command({
  name: 'revoke-sessions',
  arguments: '<username>',
  description: "End every session of a user: access tokens refused at once, refresh tokens and personal API tokens revoked",
})
export class RevokeSessionsCommand extends DbCommand {
  async run([username]: string[]): Promise<void> {
    const sessions = await this.db.get(SessionRevoker);
    try {
      const r = await sessions.revokeAll({ username }, SYSTEM_ACTOR);
      process.stdout.write(`revoked the sessions of ${r.username}: ${r.refreshTokens} refresh token(s), ${r.apiTokens} API token(s)\n`);
    } catch (e) {
      if (e instanceof SessionUserNotFoundError) throw new CliError(e.message);
      throw e;
    }
  }
}
