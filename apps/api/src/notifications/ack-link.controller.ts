import { BadRequestException, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Env } from '@app/config';
import { ackPageUrl, AckClaim, verifyAckToken } from '@app/notifications';
import { ApiError } from '../common/api-docs';
import { Public } from '../common/current-user';
import { AckLinkService } from './ack-link.service';
import { AckLinkItemResponse, AckLinkResultResponse } from './notifications.response';

const TOKEN_PARAM = {
  name: 'token',
  description: 'the signed token of the mail link (task, unit, user, expiry): exactly as sent, 116 characters',
  example: 'AT8cmn4rTUyOmmF9Ll-LnAMPajwuHUtKjpxhey1ej5oBobLD1OX2SnuMnQ4fKjtMXQAAaCy7gA.3Yv0m8cDqYbqQ6s8K0xM7Pj1Wc5r9tE2uA4nL6hZfGk',
};

/**
 * The acknowledgement link of a reminder mail. Opening it (GET, which mail scanners also do) only
 * shows the page /app/ack/:token; acknowledging (签收) is a POST, made by that page's button. The
 * link names task, unit and user, expires, and stops working when its user is disabled or moved.
 */
@ApiTags('notifications')
@Public()
@Controller('ack/:token')
export class AckLinkController {
  constructor(
    private readonly acks: AckLinkService,
    private readonly env: Env,
  ) {}

  /** Links in mails sent before the web app: the page, never an acknowledgement. */
  @Get()
  @ApiExcludeEndpoint()
  open(@Param('token') token: string, @Res() res: Response) {
    res.redirect(303, ackPageUrl('', encodeURIComponent(token)));
  }

  @Get('item')
  @ApiParam(TOKEN_PARAM)
  @ApiOperation({ summary: 'The item an acknowledgement link is about (reads only; acknowledging is the POST)' })
  @ApiOkResponse({ type: AckLinkItemResponse })
  @ApiError(400, 'The link is malformed, tampered with or expired', { statusCode: 400, message: 'the link has expired', error: 'Bad Request' })
  @ApiError(403, 'The link’s user is disabled or no longer in this unit', { statusCode: 403, message: 'this link is no longer valid: its user is disabled or moved', error: 'Forbidden' })
  @ApiError(404, 'The unit is no longer assigned to the item', { statusCode: 404, message: 'this unit is no longer assigned to the item', error: 'Not Found' })
  item(@Param('token') token: string): Promise<AckLinkItemResponse> {
    return this.acks.item(this.claim(token));
  }

  @Post()
  @HttpCode(200)
  @ApiParam(TOKEN_PARAM)
  @ApiOperation({ summary: 'Acknowledge (签收) the item for the link’s unit: the button on the link’s page' })
  @ApiOkResponse({ type: AckLinkResultResponse, description: 'Acknowledged now, or it already was' })
  @ApiError(400, 'The link is malformed, tampered with or expired', { statusCode: 400, message: 'the link signature is invalid', error: 'Bad Request' })
  @ApiError(403, 'The link’s user is disabled or no longer in this unit', { statusCode: 403, message: 'this link is no longer valid: its user is disabled or moved', error: 'Forbidden' })
  @ApiError(404, 'The unit is no longer assigned to the item', { statusCode: 404, message: 'this unit is no longer assigned to the item', error: 'Not Found' })
  @ApiError(422, 'The item is completed, cancelled or suspended', {
    statusCode: 422,
    message: 'the item is completed: there is nothing to acknowledge',
    allowed: [],
  })
  acknowledge(@Param('token') token: string): Promise<AckLinkResultResponse> {
    return this.acks.acknowledge(this.claim(token));
  }

  private claim(token: string): AckClaim {
    const claim = verifyAckToken(token, this.env.JWT_SECRET);
    if ('error' in claim) throw new BadRequestException(claim.error);
    return claim;
  }
}

