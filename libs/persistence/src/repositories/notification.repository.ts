import { Injectable } from '@nestjs/common';
import { RepositoryBase } from '../db/repository';

export interface InboxRow {
  id: string;
  channel: string;
  subject: string;
  body: string;
  noticeLevel: string | null;
  taskId: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export interface DigestSubscriber {
  id: string;
  display_name: string;
  email: string;
}

export interface DigestItemRow {
  taskId: string;
  code: string;
  title: string;
  planTitle: string;
  dueAt: Date;
  status: string;
}

/** The notifications table: the in-app inbox (inbox and alert rows) and the once-a-day digest claims. */
@Injectable()
export class NotificationRepository extends RepositoryBase {
  /** A page of the user's inbox, newest first, with the total of the filtered list. */
  /** `level`: only that notice level (blue 提醒, yellow 催办, red 督办); null: all. */
  async inbox(userId: string, o: { unreadOnly: boolean; level: string | null; offset: number; limit: number }): Promise<{ rows: InboxRow[]; total: number }> {
    const rows = (await this.m.query(
      `SELECT n.id, n.channel, n.subject, n.body, n.notice_level AS "noticeLevel", n.task_id AS "taskId",
              n.read_at AS "readAt", n.created_at AS "createdAt", count(*) OVER () AS total
         FROM notifications n
        WHERE n.user_id = $1 AND n.channel IN ('inbox', 'alert') AND ($4::boolean IS NOT TRUE OR n.read_at IS NULL)
          AND ($5::text IS NULL OR n.notice_level = $5)
        ORDER BY n.created_at DESC, n.id LIMIT $2 OFFSET $3`,
      [userId, o.limit, o.offset, o.unreadOnly ? true : null, o.level],
    )) as (InboxRow & { total: string })[];
    return { rows: rows.map(({ total: _, ...r }) => r), total: rows.length ? Number(rows[0].total) : 0 };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ unread }] = (await this.m.query(
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND channel IN ('inbox', 'alert') AND read_at IS NULL`,
      [userId],
    )) as { unread: number }[];
    return unread;
  }

  /** False when the user has no such notification. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const [, n] = (await this.m.query(`UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2`, [id, userId])) as [
      unknown,
      number,
    ];
    return n > 0;
  }

  async markAllRead(userId: string): Promise<number> {
    const [, n] = (await this.m.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND channel IN ('inbox', 'alert')`,
      [userId],
    )) as [unknown, number];
    return n;
  }

  digestSubscribers(): Promise<DigestSubscriber[]> {
    return this.m.query(`SELECT id, display_name, email FROM users WHERE daily_digest AND active AND email IS NOT NULL ORDER BY username`);
  }

  /** `recipient` is `<email>#<Shanghai date>`: one digest per user and day. */
  async digestSent(userId: string, recipient: string): Promise<boolean> {
    const rows: unknown[] = await this.m.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND channel = 'digest' AND recipient = $2`, [
      userId,
      recipient,
    ]);
    return rows.length > 0;
  }

  /**
   * The open items a user's digest lists: those of the user's unit (lead or responsible) and of the
   * plans the user supervises, due before `until`.
   */
  digestItems(userId: string, until: Date): Promise<DigestItemRow[]> {
    return this.m.query(
      `SELECT DISTINCT t.id AS "taskId", t.code, t.title, p.title AS "planTitle", t.due_at AS "dueAt", t.status
         FROM tasks t
         JOIN plans p ON p.id = t.plan_id
         JOIN users me ON me.id = $1
         LEFT JOIN assignments a ON a.task_id = t.id AND a.unit_id = me.unit_id AND a.role IN ('lead', 'responsible')
         LEFT JOIN plan_supervisors ps ON ps.plan_id = t.plan_id AND ps.user_id = me.id
        WHERE (a.id IS NOT NULL OR ps.user_id IS NOT NULL)
          AND t.status NOT IN ('completed', 'cancelled', 'suspended')
          AND t.due_at < $2`,
      [userId, until],
    );
  }

  /** Claims today's digest (unique per user and day); false when another worker already has. */
  async claimDigest(userId: string, recipient: string, subject: string, body: string): Promise<boolean> {
    const claimed: unknown[] = await this.m.query(
      `INSERT INTO notifications (user_id, channel, recipient, subject, body) VALUES ($1, 'digest', $2, $3, $4)
       ON CONFLICT (user_id, recipient) WHERE channel = 'digest' DO NOTHING RETURNING id`,
      [userId, recipient, subject, body],
    );
    return claimed.length > 0;
  }

  /** One inbox notice to every active supervisor; returns how many got it. */
  async noticeToSupervisors(subject: string, body: string, level = 'blue'): Promise<number> {
    const rows: unknown[] = await this.m.query(
      `INSERT INTO notifications (user_id, channel, recipient, subject, body, notice_level)
       SELECT id, 'inbox', username, $1, $2, $3 FROM users WHERE active AND 'supervisor' = ANY(roles) RETURNING id`,
      [subject, body, level],
    );
    return rows.length;
  }

  /** Gives a claim back when the mail did not go out, so the retry can send it. */
  async releaseDigest(userId: string, recipient: string): Promise<void> {
    await this.m.query(`DELETE FROM notifications WHERE channel = 'digest' AND user_id = $1 AND recipient = $2`, [userId, recipient]);
  }
}
