import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Public } from '../common/current-user';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Post('me/calendar-token')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create the caller’s calendar feed URL (shown once; replaces the previous one)' })
  create(@CurrentUser() user: AuthUser) {
    return this.calendar.createFeed(user);
  }

  @Delete('me/calendar-token')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the caller’s calendar feeds' })
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
  feed(@Param('token') token: string) {
    return this.calendar.feed(token);
  }
}
