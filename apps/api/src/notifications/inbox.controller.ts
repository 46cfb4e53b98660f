import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { AuthUser, CurrentUser } from '../common/current-user';
import { Acts, ApiErrors, ApiPaginatedResponse, Removes, SignedInApi } from '../common/api-docs';
import { PageQuery } from '../common/pagination';
import { MarkedReadResponse, NotificationResponse } from './notifications.response';
import { NotificationsService } from './notifications.service';

const NOTICE_LEVELS = ['blue', 'yellow', 'red'] as const;

class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only unread messages' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ enum: NOTICE_LEVELS, description: 'only this notice level: blue 提醒, yellow 催办, red 督办' })
  @IsOptional()
  @IsIn(NOTICE_LEVELS)
  level?: (typeof NOTICE_LEVELS)[number];
}

/** The in-app inbox: every reminder, urge, escalation and delivery alert addressed to the caller. */
@SignedInApi('notifications')
@Controller('me/notifications')
export class InboxController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @ApiPaginatedResponse(NotificationResponse, {
    description: 'A page of my notifications and how many are unread in all',
    extra: { unread: { type: 'integer', description: 'unread notifications in all (not only this page)', example: 3 } },
  })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() q: InboxQuery) {
    return this.notifications.inbox(user, q);
  }

  @Post(':id/read')
  @Removes('Mark one notification read', [400, 403, 404], 'Marked read (already read stays as it was)')
  async read(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    await this.notifications.markRead(user, id);
  }

  @Post('read-all')
  @Acts('Mark all my notifications read', MarkedReadResponse, [403])
  readAll(@CurrentUser() user: AuthUser) {
    return this.notifications.markAllRead(user);
  }
}
