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
import { REMINDED_STATUSES } from '@app/domain';
import { ClaimedReminder, DeliveryContext, Recipient, ReminderRepository } from '@app/persistence';
import { MAILER } from './mailer.provider';

/** A reminder sent more than this after its time is marked late (the worker was down or behind). */
const LATE_AFTER_MS = 60_000;
const ACK_LINK_TTL_S = 14 * 24 * 3600;
/** Names the reminder in every reminder mail, so a mail can be traced back to its row. */
export const REMINDER_HEADER = 'X-Duban-Reminder';
/** Task statuses in which a claimed reminder is still worth sending (see REMINDED_STATUSES). */
const OPEN_STATUSES: readonly string[] = REMINDED_STATUSES;

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed';

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
  }

  private readonly webhookRules: WebhookTargetRules;

  /**
   * Delivers one reminder. Returns 'skipped' when the row is not ours (sent, cancelled, taken);
   * throws to have BullMQ retry a transient failure; on the last attempt records the failure.
   */
  async deliver(reminderId: string, attempt: { isLast: boolean }): Promise<DeliveryOutcome> {
    const leaseMs = this.env.DELIVERY_LEASE_SECONDS * 1000;
    const r = await this.reminders.claim(reminderId, leaseMs);
    if (!r) return 'skipped';
    // Hold the claim while sending, so a slow SMTP conversation is never taken for a dead worker.
    const renewal = setInterval(
      () => void this.reminders.renew(r, leaseMs).catch((e: Error) => this.logger.warn(`lease renewal of ${r.id}: ${e.message}`)),
      Math.max(500, leaseMs / 3),
    );
    try {
      const count = await this.sendToAll(r);
      const late = Date.now() - r.dueAt.getTime() > LATE_AFTER_MS;
      await this.reminders.markSent(r, late, count);
      return 'sent';
    } catch (e) {
      const message = (e as Error).message;
      if (e instanceof ItemClosed) {
        await this.reminders.cancelClaimed(r, message);
        return 'skipped';
      }
      if (e instanceof PermanentDeliveryError || attempt.isLast) {
        await this.reminders.markFailed(r, message);
        await this.alertSupervisors(r, message);
        this.logger.warn(`reminder ${r.id} failed for good: ${message}`);
        return 'failed';
      }
      await this.reminders.release(r, message);
      throw e;
    } finally {
      clearInterval(renewal);
    }
  }

  private async sendToAll(r: ClaimedReminder): Promise<number> {
    const ctx = await this.reminders.deliveryContext(r);
    if (!ctx) throw new PermanentDeliveryError('the item no longer exists');
    // A failed reminder retried by hand, or a claim racing a completion: a closed item gets nothing.
    if (!OPEN_STATUSES.includes(ctx.taskStatus)) throw new ItemClosed(`the item is ${ctx.taskStatus}`);
    const recipients = await this.reminders.recipients(r);
    const permanent: string[] = [];
    let delivered = 0;
    for (const person of recipients) {
      const message = this.render(r, ctx, person);
      if (r.channels.includes('inbox')) {
        await this.reminders.recordDelivery({ ...this.row(r, person, 'inbox', person.userId), ...message });
      }
      // Digest readers get one morning message instead of a mail per reminder.
      if (r.channels.includes('email') && person.email && !person.dailyDigest) {
        if (!(await this.reminders.delivered(r.id, 'email', person.email))) {
          try {
            await this.mailer.send({
              to: person.email,
              subject: message.subject,
              text: message.body,
              html: message.html,
              headers: { [REMINDER_HEADER]: r.id },
            });
          } catch (e) {
            if (isPermanentMailError(e)) {
              permanent.push(`${person.email}: ${(e as Error).message}`);
              continue;
            }
            throw e;
          }
          await this.reminders.recordDelivery({ ...this.row(r, person, 'email', person.email), ...message });
        }
      }
      delivered++;
    }
    if (r.channels.includes('webhook') && ctx.unitWebhook?.url) {
      const hook = ctx.unitWebhook;
      // Recorded by host only: the rest of the URL may hold the robot's key, and supervisors read this.
      const recipient = robotHost(hook.url);
      if (!(await this.reminders.delivered(r.id, 'webhook', recipient))) {
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
        await this.reminders.recordDelivery({
          reminderId: r.id, userId: null, unitId: r.unitId, taskId: r.taskId, channel: 'webhook',
          recipient, subject: m.subject, body: m.body, noticeLevel: r.noticeLevel,
        });
      }
    }
    if (permanent.length) throw new PermanentDeliveryError(`undeliverable: ${permanent.join('; ')}`);
    return delivered;
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

  private row(r: ClaimedReminder, person: Recipient, channel: string, recipient: string) {
    return { reminderId: r.id, userId: person.userId, unitId: r.unitId, taskId: r.taskId, channel, recipient, noticeLevel: r.noticeLevel };
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
