import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../common/api-docs';
import { AuthUser, CurrentUser, Public } from '../common/current-user';
import { CalendarFeedResponse } from './calendar.response';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Post('me/calendar-token')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create the caller’s calendar feed URL (shown once; replaces the previous one)' })
  @ApiCreatedResponse({ type: CalendarFeedResponse })
  @ApiErrors(401, 403)
  create(@CurrentUser() user: AuthUser) {
    return this.calendar.createFeed(user);
  }

  @Delete('me/calendar-token')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the caller’s calendar feeds' })
  @ApiNoContentResponse({ description: 'Revoked; the feed URLs stop working' })
  @ApiErrors(401, 403)
  async revoke(@CurrentUser() user: AuthUser) {
    await this.calendar.revokeFeeds(user);
  }

  // Calendar apps cannot send a bearer header; the secret in the URL is the credential.
  @Public()
  @Get('calendar/:token.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiProduces('text/calendar')
  @ApiParam({ name: 'token', description: 'the feed token from POST /me/calendar-token', example: 'dbc_3q2v…' })
  @ApiOperation({ summary: 'iCalendar feed of the deadlines of the owner’s unit (or supervised plans); subscribe from a calendar app' })
  @ApiOkResponse({
    description: 'An iCalendar (RFC 5545) feed: one all-day event per open deadline',
    content: {
      'text/calendar': {
        schema: { type: 'string', description: 'text/calendar; charset=utf-8' },
        example:
          'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Duban//督办//ZH\r\nBEGIN:VEVENT\r\nUID:3f1c9a7e-2b4d-4c8e-9a61-7d2e5f8b9c03@duban\r\n' +
          'DTSTART;VALUE=DATE:20270630\r\nSUMMARY:【办理中】12 培育高新技术企业\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      },
    },
  })
  @ApiError(404, 'Unknown or revoked feed token', { statusCode: 404, message: 'no such calendar feed', error: 'Not Found' })
  feed(@Param('token') token: string) {
    return this.calendar.feed(token);
  }
}
