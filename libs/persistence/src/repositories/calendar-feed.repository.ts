import { Injectable } from '@nestjs/common';
import type { OwnItems } from '@app/domain';
import { sql } from '../db/sql';
import { RepositoryBase } from '../db/repository';
import { ownItemsClause, unitNames } from './task-scope';

export interface CalendarFeedOwner {
  feedId: string;
  userId: string;
  roles: string[];
  unitId: string | null;
  displayName: string;
}

export interface CalendarDeadline {
  taskId: string;
  planTitle: string;
  code: string;
  title: string;
  status: string;
  dueAt: Date;
  leadUnits: string[];
}

/** Calendar feed tokens (stored as hashes only) and the deadlines a feed lists. */
@Injectable()
export class CalendarFeedRepository extends RepositoryBase {
  /**
   * A new feed for the user; earlier feeds are revoked so a leaked URL dies with the next one.
   * Two statements: run it in a unit of work.
   */
  async replace(userId: string, tokenHash: string): Promise<string> {
    await this.revokeAll(userId);
    const [row] = (await this.m.query(`INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2) RETURNING id`, [userId, tokenHash])) as {
      id: string;
    }[];
    return row.id;
  }

  async revokeAll(userId: string): Promise<number> {
    const [, affected] = (await this.m.query(
      `UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    )) as [unknown, number];
    return affected;
  }

  /** The live feed's owner, if the token is known, not revoked, and its user still active. */
  async owner(tokenHash: string): Promise<CalendarFeedOwner | null> {
    const rows = (await this.m.query(
      `SELECT f.id, u.id AS user_id, u.roles, u.unit_id, u.display_name
         FROM calendar_feeds f JOIN users u ON u.id = f.user_id
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND u.active`,
      [tokenHash],
    )) as { id: string; user_id: string; roles: string[]; unit_id: string | null; display_name: string }[];
    const r = rows[0];
    return r ? { feedId: r.id, userId: r.user_id, roles: r.roles, unitId: r.unit_id, displayName: r.display_name } : null;
  }

  /**
   * Deadlines of open items (not completed or cancelled) the owner owns (their unit's, their
   * supervised plans'), from `since` on, soonest first, at most `limit`.
   */
  async deadlines(own: OwnItems, since: Date, limit: number): Promise<CalendarDeadline[]> {
    const owned = ownItemsClause(own);
    if (!owned) return [];
    // The columns are named as CalendarDeadline's fields: a row is the answer as it comes.
    return this.db.query<CalendarDeadline>(sql`
      SELECT t.id AS "taskId", pl.title AS "planTitle", t.code, t.title, t.status, t.due_at AS "dueAt", ${unitNames('lead')} AS "leadUnits"
         FROM tasks t JOIN plans pl ON pl.id = t.plan_id
        WHERE t.status NOT IN ('completed', 'cancelled') AND t.due_at >= ${since} AND ${owned}
        ORDER BY t.due_at, t.code
        LIMIT ${limit}`);
  }
}
