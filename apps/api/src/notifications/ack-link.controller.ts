import { BadRequestException, Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/api-docs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Env } from '@app/config';
import { verifyAckToken } from '@app/notifications';
import { Journal } from '@app/persistence';
import { Public } from '../common/current-user';

/**
 * The signed link in a reminder mail: the recipient acknowledges (签收) the item for their unit
 * without logging in. The link names task, unit and user and expires; nothing else is possible with it.
 */
@ApiTags('notifications')
@Controller('ack')
export class AckLinkController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly env: Env,
  ) {}

  @Public()
  @Get(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Acknowledge (签收) an item from the link in a reminder mail' })
  @ApiParam({ name: 'token', description: 'the signed token from the mail link (task, unit, user, expiry)', example: 'eyJ0IjoiM2YxYzlhN2UifQ.c2lnbmF0dXJl' })
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'A small HTML page saying the item is acknowledged (or was already)',
    content: {
      'text/html': {
        schema: { type: 'string', description: 'HTML (UTF-8)' },
        example: '<!doctype html><meta charset="utf-8"><title>签收</title><p>签收成功：培育高新技术企业</p>',
      },
    },
  })
  @ApiError(400, 'The link is malformed, tampered with or expired', { statusCode: 400, message: 'the link has expired', error: 'Bad Request' })
  @ApiError(404, 'The unit is no longer assigned to the item', { statusCode: 404, message: 'this unit is no longer assigned to the item', error: 'Not Found' })
  async acknowledge(@Param('token') token: string) {
    const claim = verifyAckToken(token, this.env.JWT_SECRET);
    if ('error' in claim) throw new BadRequestException(claim.error);
    const outcome = await this.ds.transaction(async (m) => {
      const [a] = await m.query(
        `SELECT a.id, a.status, a.role, t.title, t.status AS task_status, t.id AS task_id
           FROM assignments a JOIN tasks t ON t.id = a.task_id
          WHERE a.task_id = $1 AND a.unit_id = $2 FOR UPDATE`,
        [claim.taskId, claim.unitId],
      );
      if (!a) throw new NotFoundException('this unit is no longer assigned to the item');
      if (a.status !== 'assigned') return { title: a.title as string, already: true };
      await m.query(
        `UPDATE assignments SET status = 'acknowledged', acknowledged_at = now(), version = version + 1 WHERE id = $1`,
        [a.id],
      );
      if (a.role === 'lead' && a.task_status === 'assigned') {
        await m.query(
          `UPDATE tasks SET status = 'acknowledged', acknowledged_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
          [a.task_id],
        );
      }
      const [user] = await m.query(`SELECT username FROM users WHERE id = $1`, [claim.userId]);
      const journal = new Journal(m);
      await journal.audit(
        { id: claim.userId, name: user?.username ?? 'mail link' },
        'assignment.acknowledged_by_link',
        { type: 'assignment', id: a.id, taskId: a.task_id },
        { status: 'assigned' },
        { status: 'acknowledged' },
      );
      await journal.event('task.status_changed', a.task_id, { assignment: a.id, to: 'acknowledged' });
      return { title: a.title as string, already: false };
    });
    const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
    return `<!doctype html><meta charset="utf-8"><title>签收</title><p>${outcome.already ? '已签收过' : '签收成功'}：${esc(outcome.title)}</p>`;
  }
}
