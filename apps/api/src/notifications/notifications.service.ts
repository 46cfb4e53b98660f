import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Env } from '@app/config';
import { checkWebhookTarget, postWebhook, robotHost, WebhookError, WebhookFormat, WebhookTargetError, webhookRules } from '@app/notifications';
import { Journal, NotificationRepository, UnitAdminRepository, UnitOfWork, UserRepository } from '@app/persistence';
import { AuthUser, hasRole } from '../common/current-user';
import { page, PageQuery } from '../common/pagination';
import { refusal } from '../common/http-errors';

/** The caller's inbox and the settings that decide where a person's or a unit's reminders go. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly users: UserRepository,
    private readonly units: UnitAdminRepository,
    private readonly journal: Journal,
    private readonly uow: UnitOfWork,
    private readonly env: Env,
  ) {}

  async inbox(user: AuthUser, q: PageQuery & { unread?: boolean; level?: string }) {
    const { rows, total } = await this.notifications.inbox(user.id, {
      unreadOnly: q.unread === true,
      level: q.level ?? null,
      offset: (q.page - 1) * q.limit,
      limit: q.limit,
    });
    const unread = await this.notifications.unreadCount(user.id);
    return { ...page(rows, total, q), unread };
  }

  async markRead(user: AuthUser, id: string): Promise<void> {
    if (!(await this.notifications.markRead(user.id, id))) throw new NotFoundException(`no notification ${id}`);
  }

  async markAllRead(user: AuthUser) {
    return { marked: await this.notifications.markAllRead(user.id) };
  }

  preferences(user: AuthUser) {
    return this.users.preferences(user.id);
  }

  async setPreferences(user: AuthUser, dto: { dailyDigest?: boolean }) {
    if (dto.dailyDigest !== undefined) await this.users.setDailyDigest(user.id, dto.dailyDigest);
    return this.preferences(user);
  }

  /** Admins, and the unit's own head, set where a unit's robot messages go. */
  /** The unit's robot as whoever may set it sees it: its format and host, never the URL. */
  private async ownWebhook(user: AuthUser, id: string) {
    const unit = await this.units.webhookOf(id);
    if (!unit) throw new NotFoundException(`unit ${id} not found`);
    const ownHead = hasRole(user, 'unit_head') && user.unitId === id;
    if (!hasRole(user, 'admin') && !ownHead) throw new ForbiddenException("only an admin or the unit's head may set its webhook");
    return unit;
  }

  async unitWebhook(user: AuthUser, id: string) {
    const { webhook } = await this.ownWebhook(user, id);
    return { unitId: id, webhook: webhook ? { format: webhook.format, host: robotHost(webhook.url) } : null };
  }

  /** 发送测试: one test message to the unit's robot now, so the admin sees that reminders will reach the group. */
  async testUnitWebhook(user: AuthUser, id: string) {
    const { webhook } = await this.ownWebhook(user, id);
    if (!webhook) throw refusal('webhook_missing', '该单位尚未设置机器人地址');
    const host = robotHost(webhook.url);
    try {
      await postWebhook(webhook.url, webhook.format as WebhookFormat, {
        title: '【测试】督办系统机器人连通测试',
        text: `这是督办系统发出的测试消息（${user.displayName || user.username} 发送）。收到即表示提醒、催办和督办可以送达本群。`,
        data: { test: true, unitId: id },
      }, webhookRules(this.env.WEBHOOK_ALLOWED_HOSTS));
    } catch (e) {
      if (!(e instanceof WebhookError)) throw e;
      throw refusal('webhook_test_failed', `测试消息未送达机器人 ${host}：${e.message}`);
    }
    await this.journal.audit({ id: user.id, name: user.username }, 'unit.webhook_tested', { type: 'unit', id }, null, { host });
    return { unitId: id, host, sentAt: new Date().toISOString() };
  }

  async setUnitWebhook(user: AuthUser, id: string, dto: { url: string | null; format?: string }) {
    const unit = await this.ownWebhook(user, id);
    const webhook = dto.url === null ? null : { url: dto.url, format: dto.format ?? 'json' };
    if (webhook) await this.assertPublicTarget(webhook.url);
    await this.uow.run(async () => {
      await this.units.setWebhook(id, webhook);
      // The URL may carry the robot's key: the audit keeps only that a webhook was set and its format.
      const redact = (w: { format?: string } | null) => (w ? { webhook: 'set', format: w.format } : { webhook: null });
      await this.journal.audit({ id: user.id, name: user.username }, 'unit.webhook_changed', { type: 'unit', id }, redact(unit.webhook), redact(webhook));
    });
    return { unitId: id, webhook: webhook ? { format: webhook.format, set: true } : null };
  }

  /** Refuses a robot on loopback, private, link-local or metadata addresses (the worker checks again at send). */
  private async assertPublicTarget(url: string): Promise<void> {
    try {
      await checkWebhookTarget(url, webhookRules(this.env.WEBHOOK_ALLOWED_HOSTS));
    } catch (e) {
      if (!(e instanceof WebhookTargetError)) throw e;
      throw refusal('webhook_target_refused', e.message, { field: 'url' });
    }
  }
}
