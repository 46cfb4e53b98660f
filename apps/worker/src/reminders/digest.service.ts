import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Env } from '@app/config';
import { buildDigest, DigestItem, shanghaiDate, TaskStatus } from '@app/domain';
import { Mailer, renderDigest } from '@app/notifications';
import { MAILER } from './mailer.provider';

interface DigestRow extends DigestItem {
  code: string;
}

/** The daily digest: one mail per subscribed user listing their items due today, soon and overdue. */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly env: Env,
  ) {}

  async sendAll(now = new Date()): Promise<number> {
    const users: { id: string; display_name: string; email: string }[] = await this.ds.query(
      `SELECT id, display_name, email FROM users WHERE daily_digest AND active AND email IS NOT NULL ORDER BY username`,
    );
    let sent = 0;
    const failures: string[] = [];
    // One user's bad address must not cost everyone after them their digest; the job retries the rest.
    for (const u of users) {
      try {
        if (await this.sendOne(u, now)) sent++;
      } catch (e) {
        failures.push(`${u.email}: ${(e as Error).message}`);
      }
    }
    if (failures.length) throw new Error(`digest not sent to ${failures.length} user(s): ${failures.join('; ')}`);
    return sent;
  }

  /** Sends one user's digest unless it is empty or already went out today. */
  async sendOne(u: { id: string; display_name: string; email: string }, now: Date): Promise<boolean> {
    const day = shanghaiDate(now);
    const already = await this.ds.query(
      `SELECT 1 FROM notifications WHERE user_id = $1 AND channel = 'digest' AND recipient = $2`,
      [u.id, `${u.email}#${day}`],
    );
    if (already.length) return false;
    const rows = (await this.ds.query(
      `SELECT DISTINCT t.id AS "taskId", t.code, t.title, p.title AS "planTitle", t.due_at AS "dueAt", t.status
         FROM tasks t
         JOIN plans p ON p.id = t.plan_id
         JOIN users me ON me.id = $1
         LEFT JOIN assignments a ON a.task_id = t.id AND a.unit_id = me.unit_id AND a.role IN ('lead', 'responsible')
         LEFT JOIN plan_supervisors ps ON ps.plan_id = t.plan_id AND ps.user_id = me.id
        WHERE (a.id IS NOT NULL OR ps.user_id IS NOT NULL)
          AND t.status NOT IN ('completed', 'cancelled', 'suspended')
          AND t.due_at < $2`,
      [u.id, new Date(now.getTime() + 8 * 86_400_000)],
    )) as (DigestRow & { status: TaskStatus })[];
    const digest = buildDigest(rows, now);
    if (!digest) return false;
    const item = (r: DigestRow) => ({ code: r.code, title: r.title, planTitle: r.planTitle, dueAt: r.dueAt });
    const m = renderDigest({
      recipientName: u.display_name,
      dueToday: digest.dueToday.map(item),
      dueSoon: digest.dueSoon.map(item),
      overdue: digest.overdue.map(item),
      tasksUrl: `${this.env.PUBLIC_URL}/tasks`,
    });
    // Claim today's digest first (unique per user and day), so two workers cannot both send it;
    // give the claim back if the mail does not go out, so the retry can.
    const claimed: unknown[] = await this.ds.query(
      `INSERT INTO notifications (user_id, channel, recipient, subject, body) VALUES ($1, 'digest', $2, $3, $4)
       ON CONFLICT (user_id, recipient) WHERE channel = 'digest' DO NOTHING RETURNING id`,
      [u.id, `${u.email}#${day}`, m.subject, m.text],
    );
    if (claimed.length === 0) return false;
    try {
      await this.mailer.send({ to: u.email, subject: m.subject, text: m.text });
    } catch (e) {
      await this.ds.query(`DELETE FROM notifications WHERE channel = 'digest' AND user_id = $1 AND recipient = $2`, [
        u.id,
        `${u.email}#${day}`,
      ]);
      throw e;
    }
    this.logger.log(`digest to ${u.email}: ${digest.overdue.length} overdue, ${digest.dueToday.length} today, ${digest.dueSoon.length} soon`);
    return true;
  }
}
