import { Inject, Injectable, Logger } from '@nestjs/common';
import { Env } from '@app/config';
import {
  isPermanentMailError,
  Mailer,
  postWebhook,
  renderReminder,
  ackPageUrl,
  itemPageUrl,
  signAckToken,
  robotHost,
  WebhookError,
  WebhookFormat,
  webhookRules,
  WebhookTargetRules,
} from '@app/notifications';
import { REMINDED_STATUSES, unitRecipients } from '@app/domain';
import { ClaimedDelivery, ClaimedReminder, DeliveryContext, DeliveryEnd, DeliveryRecord, Recipient, ReminderRepository, Settlement } from '@app/persistence';
import { MAILER } from './mailer.provider';
import { MicroBatcher } from './micro-batcher';

/** A reminder sent more than this after its time is marked late (the worker was down or behind). */
const LATE_AFTER_MS = 60_000;
const ACK_LINK_TTL_S = 14 * 24 * 3600;
/** Names the reminder in every reminder mail, so a mail can be traced back to its row. */
export const REMINDER_HEADER = 'X-Duban-Reminder';
/** Task statuses in which a claimed reminder is still worth sending (see REMINDED_STATUSES). */
const OPEN_STATUSES: readonly string[] = REMINDED_STATUSES;

type UnitAudience = 'responsible' | 'lead' | 'unit_head';

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed';

/** One delivery's part of a shared statement: its claim, or its settle. */
type DeliveryStatement = { claim: string } | { settle: Settlement };

class PermanentDeliveryError extends Error {}
class ItemClosed extends Error {}

@Injectable()
export class ReminderDeliveryService {
  private readonly logger = new Logger(ReminderDeliveryService.name);
  constructor(
    private readonly reminders: ReminderRepository,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly env: Env,
  ) {
    this.webhookRules = webhookRules(env.WEBHOOK_ALLOWED_HOSTS);
    const leaseMs = env.DELIVERY_LEASE_SECONDS * 1000;
    // Batched, one statement in flight at a time: the claims and settles that arrive while it runs form
    // the next one, so batches grow with the load. Unbatched, each delivery runs its own statements at once.
    const opts = { maxSize: env.DELIVERY_BATCH_SIZE, maxInFlight: env.DELIVERY_BATCH_SIZE > 1 ? 1 : Infinity };
    // Claims and settles share one statement too: a delivery that ends and one that starts in the same
    // tick cost one round trip and one commit (settleAndClaim), not two.
    this.statements = new MicroBatcher<DeliveryStatement, ClaimedDelivery | null | undefined>(
      async (items) => {
        const settles = items.flatMap((x) => ('settle' in x ? [x.settle] : []));
        const claims = await reminders.settleAndClaim(settles, items.flatMap((x) => ('claim' in x ? [x.claim] : [])), leaseMs);
        let next = 0;
        return items.map((x) => ('claim' in x ? claims[next++] : undefined));
      },
      async (x) => {
        if ('claim' in x) return reminders.claimForDelivery(x.claim, leaseMs);
        await reminders.settleMany([x.settle]);
        return undefined;
      },
      opts,
    );
  }

  private readonly webhookRules: WebhookTargetRules;
  /**
   * Concurrent deliveries claim and record their outcome together: one statement for the claims and
   * the settles submitted in one tick (or while the previous statement ran).
   */
  private readonly statements: MicroBatcher<DeliveryStatement, ClaimedDelivery | null | undefined>;

  private async claim(reminderId: string): Promise<ClaimedDelivery | null> {
    return (await this.statements.submit({ claim: reminderId })) ?? null;
  }

  private async settle(claim: ClaimedReminder, records: readonly DeliveryRecord[], end: DeliveryEnd): Promise<void> {
    await this.statements.submit({ settle: { claim, records, end } });
  }

  /**
   * Delivers one reminder. Returns 'skipped' when the row is not ours (sent, cancelled, taken);
   * throws to have BullMQ retry a transient failure; on the last attempt records the failure.
   * Two statements per reminder, each shared with the deliveries running alongside (MicroBatcher): the
   * claim reads everything the mails need, and one statement records the deliveries with the final
   * state; the mails of one reminder go out together over the pool.
   */
  async deliver(reminderId: string, attempt: { isLast: boolean }): Promise<DeliveryOutcome> {
    const leaseMs = this.env.DELIVERY_LEASE_SECONDS * 1000;
    const claimed = await this.claim(reminderId);
    if (!claimed) return 'skipped';
    const r = claimed.reminder;
    // Hold the claim while sending, so a slow SMTP conversation is never taken for a dead worker.
    const renewal = setInterval(
      () => void this.reminders.renew(r, leaseMs).catch((e: Error) => this.logger.warn(`lease renewal of ${r.id}: ${e.message}`)),
      Math.max(500, leaseMs / 3),
    );
    // What reached someone, recorded with the outcome whatever it is, so no retry repeats it.
    const records: DeliveryRecord[] = [];
    try {
      const count = await this.sendToAll(claimed, records);
      const late = Date.now() - r.dueAt.getTime() > LATE_AFTER_MS;
      await this.settle(r, records, { state: 'sent', late, recipients: count });
      return 'sent';
    } catch (e) {
      const message = (e as Error).message;
      if (e instanceof ItemClosed) {
        await this.settle(r, records, { state: 'cancelled', error: message });
        return 'skipped';
      }
      if (e instanceof PermanentDeliveryError || attempt.isLast) {
        await this.settle(r, records, { state: 'failed', error: message });
        await this.alertSupervisors(r, message);
        this.logger.warn(`reminder ${r.id} failed for good: ${message}`);
        return 'failed';
      }
      await this.settle(r, records, { state: 'enqueued', error: message });
      throw e;
    } finally {
      clearInterval(renewal);
    }
  }

  /** Sends to every recipient not yet served; pushes each delivery made onto `records`. */
  private async sendToAll(claimed: ClaimedDelivery, records: DeliveryRecord[]): Promise<number> {
    const { reminder: r, context: ctx, delivered } = claimed;
    if (!ctx) throw new PermanentDeliveryError('the item no longer exists');
    // A failed reminder retried by hand, or a claim racing a completion: a closed item gets nothing.
    if (!OPEN_STATUSES.includes(ctx.taskStatus)) throw new ItemClosed(`the item is ${ctx.taskStatus}`);
    const recipients: Recipient[] = claimed.people ? unitRecipients(r.audience as UnitAudience, r.kind, claimed.people) : await this.reminders.recipients(r);
    const permanent: string[] = [];
    const mails: Promise<void>[] = [];
    const mailed = new Set<string>();
    for (const person of recipients) {
      const message = this.render(r, ctx, person);
      const row = { userId: person.userId, subject: message.subject, body: message.body };
      if (r.channels.includes('inbox')) records.push({ ...row, channel: 'inbox', recipient: person.userId });
      // Digest readers get one morning message instead of a mail per reminder.
      const email = person.email;
      if (!r.channels.includes('email') || !email || person.dailyDigest || mailed.has(email) || delivered.has(`email ${email}`)) continue;
      mailed.add(email);
      mails.push(
        this.mailer
          .send({ to: email, subject: message.subject, text: message.body, html: message.html, headers: { [REMINDER_HEADER]: r.id } })
          .then(
            () => void records.push({ ...row, channel: 'email', recipient: email }),
            (e: unknown) => {
              if (!isPermanentMailError(e)) throw e;
              permanent.push(`${email}: ${(e as Error).message}`);
            },
          ),
      );
    }
    // Every mail settles before a transient failure is rethrown, so the ones that went out are recorded.
    const transient = (await Promise.allSettled(mails)).find((x): x is PromiseRejectedResult => x.status === 'rejected');
    if (transient) throw transient.reason;
    if (r.channels.includes('webhook') && ctx.unitWebhook?.url) {
      const hook = ctx.unitWebhook;
      // Recorded by host only: the rest of the URL may hold the robot's key, and supervisors read this.
      const recipient = robotHost(hook.url);
      if (!delivered.has(`webhook ${recipient}`)) {
        const m = this.render(r, ctx, null);
        try {
          await postWebhook(hook.url, hook.format as WebhookFormat, {
            title: m.subject,
            text: m.body,
            data: { reminderId: r.id, taskId: r.taskId, kind: r.kind, noticeLevel: r.noticeLevel, dueAt: r.dueAt },
          }, this.webhookRules);
        } catch (e) {
          if (e instanceof WebhookError && e.permanent) permanent.push(e.message);
          else throw e;
        }
        records.push({ userId: null, channel: 'webhook', recipient, subject: m.subject, body: m.body });
      }
    }
    if (permanent.length) throw new PermanentDeliveryError(`undeliverable: ${permanent.join('; ')}`);
    return recipients.length;
  }

  private render(r: ClaimedReminder, ctx: DeliveryContext, person: Recipient | null) {
    const ackUrl =
      person && r.reason === 'acknowledgement' && r.unitId
        ? ackPageUrl(
            this.env.PUBLIC_URL,
            signAckToken(
              { taskId: r.taskId, unitId: r.unitId, userId: person.userId, exp: Math.floor(Date.now() / 1000) + ACK_LINK_TTL_S },
              this.env.JWT_SECRET,
            ),
          )
        : null;
    const out = renderReminder({
      kind: r.kind,
      reason: r.reason,
      noticeLevel: r.noticeLevel,
      planTitle: ctx.planTitle,
      taskCode: ctx.taskCode,
      taskTitle: ctx.taskTitle,
      stepText: ctx.stepText,
      unitName: ctx.unitName,
      recipientName: person?.displayName ?? ctx.unitName ?? '各位',
      // A 催办 by hand is sent at once: its mail states the item's deadline, not the time of sending.
      dueAt: r.reason === 'manual' ? ctx.taskDueAt : r.dueAt,
      note: r.note,
      now: new Date(),
      taskUrl: itemPageUrl(this.env.PUBLIC_URL, r.taskId),
      ackUrl,
      late: Date.now() - r.dueAt.getTime() > LATE_AFTER_MS,
    });
    return { subject: out.subject, body: out.text, html: out.html };
  }

  /** Supervisors learn that a reminder could not be delivered: in their inbox, and by mail if it works. */
  private async alertSupervisors(r: ClaimedReminder, error: string) {
    const supervisors = await this.reminders.recipients({ audience: 'supervisor', unitId: null, taskId: r.taskId, kind: r.kind });
    const ctx = await this.reminders.deliveryContext(r);
    const subject = `【发送失败】${ctx ? `${ctx.taskCode} ${ctx.taskTitle.slice(0, 30)}` : r.taskId} 的${r.kind === 'remind' ? '提醒' : r.kind === 'urge' ? '催办' : '督办'}未能送达`;
    const body = `提醒 ${r.id}（${r.audience}${ctx?.unitName ? `，${ctx.unitName}` : ''}）多次发送失败：${error}\n请核实联系方式后在“发送失败”列表中重试。`;
    for (const s of supervisors) {
      const fresh = await this.reminders.recordDelivery({
        reminderId: r.id, userId: s.userId, unitId: r.unitId, taskId: r.taskId, channel: 'alert',
        recipient: s.userId, subject, body, noticeLevel: 'red',
      });
      if (fresh && s.email) {
        await this.mailer.send({ to: s.email, subject, text: body }).catch((e: Error) =>
          this.logger.warn(`could not mail the failure alert to ${s.email}: ${e.message}`),
        );
      }
    }
  }
}
