import { Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuthUser, CurrentUser } from '../common/current-user';
import { ApiErrors, ApiPaginatedResponse } from '../common/api-docs';
import { page, PageQuery } from '../common/pagination';
import { MarkedReadResponse, NotificationResponse } from './notifications.response';

class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only unread messages' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

/** The in-app inbox: every reminder, urge, escalation and delivery alert addressed to the caller. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('me/notifications')
export class InboxController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @ApiPaginatedResponse(NotificationResponse, {
    description: 'A page of my notifications and how many are unread in all',
    extra: { unread: { type: 'integer', description: 'unread notifications in all (not only this page)', example: 3 } },
  })
  @ApiErrors(400)
  async list(@CurrentUser() user: AuthUser, @Query() q: InboxQuery) {
    const rows = await this.ds.query(
      `SELECT n.id, n.channel, n.subject, n.body, n.notice_level AS "noticeLevel", n.task_id AS "taskId",
              n.read_at AS "readAt", n.created_at AS "createdAt", count(*) OVER () AS total
         FROM notifications n
        WHERE n.user_id = $1 AND n.channel IN ('inbox', 'alert') AND ($4::boolean IS NOT TRUE OR n.read_at IS NULL)
        ORDER BY n.created_at DESC, n.id LIMIT $2 OFFSET $3`,
      [user.id, q.limit, (q.page - 1) * q.limit, q.unread ?? null],
    );
    const [{ unread }] = await this.ds.query(
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND channel IN ('inbox', 'alert') AND read_at IS NULL`,
      [user.id],
    );
    const total = rows.length ? Number(rows[0].total) : 0;
    return { ...page(rows.map(({ total: _, ...r }: { total: string }) => r), total, q), unread };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiNoContentResponse({ description: 'Marked read (already read stays as it was)' })
  @ApiErrors(400, 403, 404)
  async read(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    const [, n] = (await this.ds.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, user.id],
    )) as [unknown, number];
    if (n === 0) throw new NotFoundException(`no notification ${id}`);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkedReadResponse })
  @ApiErrors(403)
  async readAll(@CurrentUser() user: AuthUser) {
    const [, n] = (await this.ds.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND channel IN ('inbox', 'alert')`,
      [user.id],
    )) as [unknown, number];
    return { marked: n };
  }
}
