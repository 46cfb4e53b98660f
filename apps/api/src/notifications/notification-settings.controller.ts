import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { WEBHOOK_FORMATS, WebhookFormat } from '@app/notifications';
import { Acts, ApiRefusal, Reads, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser } from '../common/current-user';
import { UnitWebhookDetailResponse, UnitWebhookResponse, UnitWebhookTestResponse } from '../units/units.response';
import { PreferencesResponse } from './notifications.response';
import { NotificationsService } from './notifications.service';

class PreferencesDto {
  @ApiPropertyOptional({ description: 'one morning digest mail instead of a mail per reminder (the inbox still gets each one)', example: true })
  @IsOptional()
  @IsBoolean()
  dailyDigest?: boolean;
}

class UnitWebhookDto {
  @ApiProperty({ type: String, example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…', nullable: true, description: 'null removes the webhook' })
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
@SignedInApi('notifications')
@Controller()
export class NotificationSettingsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('me/preferences')
  @Reads('My notification preferences', PreferencesResponse)
  preferences(@CurrentUser() user: AuthUser) {
    return this.notifications.preferences(user);
  }

  @Patch('me/preferences')
  @Reads('Choose the daily digest instead of one mail per reminder', PreferencesResponse, [400, 403], 'The preferences after the change')
  setPreferences(@CurrentUser() user: AuthUser, @Body() dto: PreferencesDto) {
    return this.notifications.setPreferences(user, dto);
  }

  @Get('units/:id/webhook')
  @Reads("A unit's chat-robot webhook: its format and host, never the URL (admin, or the unit's own head)", UnitWebhookDetailResponse, [400, 403, 404])
  webhook(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.unitWebhook(user, id);
  }

  @Post('units/:id/webhook/test')
  @Acts(
    {
      summary: "Send one test message to the unit's robot now (admin, or the unit's own head)",
      description: 'The same address checks as a reminder’s send (public addresses only unless in WEBHOOK_ALLOWED_HOSTS), 10 s timeout; audited.',
    },
    UnitWebhookTestResponse,
    [400, 403, 404],
    'The robot accepted the message (2xx)',
  )
  @ApiRefusal('No robot set, or the robot did not accept the message (refused address, error status, no answer)', 'webhook_test_failed', '测试消息未送达机器人 qyapi.weixin.qq.com：webhook qyapi.weixin.qq.com answered 404')
  testWebhook(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.testUnitWebhook(user, id);
  }

  @Put('units/:id/webhook')
  @Reads(
    {
      summary: "Set a unit's chat-robot webhook for reminders (admin, or the unit's own head)",
      description:
        'Reminders whose policy step lists the webhook channel are posted there in the robot’s message shape. The host must resolve ' +
        'to public addresses only (loopback, private, link-local and metadata addresses are refused, here and again at each send) ' +
        'unless it is listed in WEBHOOK_ALLOWED_HOSTS.',
    },
    UnitWebhookResponse,
    [400, 403, 404],
    'Whether a webhook is set and its format (the URL is not echoed)',
  )
  @ApiRefusal('The URL resolves to a loopback, private, link-local or reserved address, has credentials, or cannot be resolved', 'webhook_target_refused', 'Webhook 主机 169.254.169.254 指向本机、内网或保留地址（169.254.169.254），不能作为机器人地址；如确需使用，请由管理员将其加入 WEBHOOK_ALLOWED_HOSTS', { field: 'url' })
  setWebhook(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UnitWebhookDto) {
    return this.notifications.setUnitWebhook(user, id, dto);
  }
}
