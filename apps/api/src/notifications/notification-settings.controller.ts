import { Body, Controller, ForbiddenException, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsBoolean, IsIn, IsOptional, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { DataSource } from 'typeorm';
import { WEBHOOK_FORMATS, WebhookFormat } from '@app/notifications';
import { Journal } from '@app/persistence';
import { ApiErrors } from '../common/api-docs';
import { AuthUser, CurrentUser, hasRole } from '../common/current-user';
import { UnitWebhookResponse } from '../units/units.response';
import { PreferencesResponse } from './notifications.response';

class PreferencesDto {
  @ApiPropertyOptional({ description: 'one morning digest mail instead of a mail per reminder (the inbox still gets each one)', example: true })
  @IsOptional()
  @IsBoolean()
  dailyDigest?: boolean;
}

class UnitWebhookDto {
  @ApiProperty({ example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…', nullable: true, description: 'null removes the webhook' })
  @ValidateIf((o: UnitWebhookDto) => o.url !== null)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url: string | null;

  @ApiPropertyOptional({ enum: WEBHOOK_FORMATS, default: 'json', description: 'robot message shape: WeCom, DingTalk, Feishu, or plain JSON' })
  @IsOptional()
  @IsIn(WEBHOOK_FORMATS)
  format?: WebhookFormat;
}

/** The settings that decide where a person's or a unit's reminders go. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class NotificationSettingsController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get('me/preferences')
  @ApiOperation({ summary: 'My notification preferences' })
  @ApiOkResponse({ type: PreferencesResponse })
  async preferences(@CurrentUser() user: AuthUser) {
    const [row] = await this.ds.query(`SELECT daily_digest AS "dailyDigest", email FROM users WHERE id = $1`, [user.id]);
    return row;
  }

  @Patch('me/preferences')
  @ApiOperation({ summary: 'Choose the daily digest instead of one mail per reminder' })
  @ApiOkResponse({ type: PreferencesResponse, description: 'The preferences after the change' })
  @ApiErrors(400, 403)
  async setPreferences(@CurrentUser() user: AuthUser, @Body() dto: PreferencesDto) {
    if (dto.dailyDigest !== undefined) {
      await this.ds.query(`UPDATE users SET daily_digest = $2, updated_at = now() WHERE id = $1`, [user.id, dto.dailyDigest]);
    }
    return this.preferences(user);
  }

  @Put('units/:id/webhook')
  @HttpCode(200)
  @ApiOperation({
    summary: "Set a unit's chat-robot webhook for reminders (admin, or the unit's own head)",
    description: 'Reminders whose policy step lists the webhook channel are posted there in the robot’s message shape.',
  })
  @ApiOkResponse({ type: UnitWebhookResponse, description: 'Whether a webhook is set and its format (the URL is not echoed)' })
  @ApiErrors(400, 403, 404)
  async setWebhook(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UnitWebhookDto) {
    const [unit] = await this.ds.query(`SELECT id, webhook FROM units WHERE id = $1`, [id]);
    if (!unit) throw new NotFoundException(`unit ${id} not found`);
    const ownHead = hasRole(user, 'unit_head') && user.unitId === id;
    if (!hasRole(user, 'admin') && !ownHead) throw new ForbiddenException("only an admin or the unit's head may set its webhook");
    const webhook = dto.url === null ? null : { url: dto.url, format: dto.format ?? 'json' };
    await this.ds.transaction(async (m) => {
      await m.query(`UPDATE units SET webhook = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        id,
        webhook === null ? null : JSON.stringify(webhook),
      ]);
      // The URL may carry the robot's key: the audit keeps only that a webhook was set and its format.
      const redact = (w: { format?: string } | null) => (w ? { webhook: 'set', format: w.format } : { webhook: null });
      await new Journal(m).audit({ id: user.id, name: user.username }, 'unit.webhook_changed', { type: 'unit', id }, redact(unit.webhook), redact(webhook));
    });
    return { unitId: id, webhook: webhook ? { format: webhook.format, set: true } : null };
  }
}
