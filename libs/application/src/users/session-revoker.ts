import { Injectable } from '@nestjs/common';
import { Actor, Journal, TokenRepository, UnitOfWork, UserRepository } from '@app/persistence';

export class SessionUserNotFoundError extends Error {}

export interface RevokedSessions {
  userId: string;
  username: string;
  refreshTokens: number;
  apiTokens: number;
}

/**
 * Ending a user's sessions (the admin's endpoint and the CLI): every access token issued before
 * stops working at once (the session epoch), every refresh token and every personal API token is
 * revoked, and the audit log says who did it.
 */
@Injectable()
export class SessionRevoker {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
  ) {}

  revokeAll(who: { id: string } | { username: string }, actor: Actor): Promise<RevokedSessions> {
    return this.uow.run(async () => {
      const user = 'id' in who ? await this.users.findById(who.id) : await this.users.findByUsername(who.username);
      if (!user) throw new SessionUserNotFoundError('id' in who ? `user ${who.id} not found` : `no user "${who.username}"`);
      const counts = await this.tokens.revokeSessions(user.id, { apiTokens: true });
      await this.journal.audit(actor, 'user.sessions_revoked', { type: 'user', id: user.id }, null, counts);
      return { userId: user.id, username: user.username, ...counts };
    });
  }
}
