import { Inject, Injectable, Logger } from '@nestjs/common';
import { Env } from '@app/config';
import { buildDigest, DigestItem, shanghaiDate } from '@app/domain';
import { Mailer, renderDigest, workbenchUrl } from '@app/notifications';
import { DigestItemRow, DigestSubscriber, NotificationRepository } from '@app/persistence';
import { MAILER } from './mailer.provider';

/** The statuses the query returns are the domain's (libs/domain rejects any other on write). */
type DigestRow = DigestItemRow & DigestItem;

/** The daily digest: one mail per subscribed user listing their items due today, soon and overdue. */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    private readonly notifications: NotificationRepository,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly env: Env,
  ) {}

  async sendAll(now = new Date()): Promise<number> {
    const users = await this.notifications.digestSubscribers();
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
  async sendOne(u: DigestSubscriber, now: Date): Promise<boolean> {
    const day = shanghaiDate(now);
    const recipient = `${u.email}#${day}`;
    if (await this.notifications.digestSent(u.id, recipient)) return false;
    const rows = (await this.notifications.digestItems(u.id, new Date(now.getTime() + 8 * 86_400_000))) as DigestRow[];
    const digest = buildDigest(rows, now);
    if (!digest) return false;
    const item = (r: DigestRow) => ({ code: r.code, title: r.title, planTitle: r.planTitle, dueAt: r.dueAt });
    const m = renderDigest({
      recipientName: u.display_name,
      dueToday: digest.dueToday.map(item),
      dueSoon: digest.dueSoon.map(item),
      overdue: digest.overdue.map(item),
      tasksUrl: workbenchUrl(this.env.PUBLIC_URL),
    });
    // Claim today's digest first (unique per user and day), so two workers cannot both send it;
    // give the claim back if the mail does not go out, so the retry can.
    if (!(await this.notifications.claimDigest(u.id, recipient, m.subject, m.text))) return false;
    try {
      await this.mailer.send({ to: u.email, subject: m.subject, text: m.text });
    } catch (e) {
      await this.notifications.releaseDigest(u.id, recipient);
      throw e;
    }
    this.logger.log(`digest to ${u.email}: ${digest.overdue.length} overdue, ${digest.dueToday.length} today, ${digest.dueSoon.length} soon`);
    return true;
  }
}
