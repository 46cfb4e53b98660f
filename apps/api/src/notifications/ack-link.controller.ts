import { BadRequestException, Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/api-docs';
import { Env } from '@app/config';
import { verifyAckToken } from '@app/notifications';
import { Public } from '../common/current-user';
import { AckLinkService } from './ack-link.service';

/**
 * The signed link in a reminder mail: the recipient acknowledges (签收) the item for their unit
 * without logging in. The link names task, unit and user and expires; nothing else is possible with it.
 */
@ApiTags('notifications')
@Controller('ack')
export class AckLinkController {
  constructor(
    private readonly acks: AckLinkService,
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
    const outcome = await this.acks.acknowledge(claim);
    const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
    return `<!doctype html><meta charset="utf-8"><title>签收</title><p>${outcome.already ? '已签收过' : '签收成功'}：${esc(outcome.title)}</p>`;
  }
}
