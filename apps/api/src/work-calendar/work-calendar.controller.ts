import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CalendarChangeError, WorkCalendarService } from '@app/application';
import { ApiError, ApiErrors, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser } from '../common/current-user';
import { actorOf } from '../tasks/task-gate';
import { CalendarChangeDto, CalendarYearDto, NoticeDto, WorkCalendarQuery } from './work-calendar.dto';
import { CalendarChangeResponse, CalendarYearResponse, NoticeCommitResponse, NoticePreviewResponse, toChange, toPreview, toYear } from './work-calendar.response';
import { refusal, refusalBody, translating } from '../common/http-errors';

const REFUSED = refusalBody('invalid_calendar', '春节：2027-02-06 至 2027-02-13 是 8 天，通知写“共7天”', { errors: ['春节：2027-02-06 至 2027-02-13 是 8 天，通知写“共7天”'] });

/** 422 naming every problem; nothing was written. */
const refusing = <T>(work: () => Promise<T> | T): Promise<T> =>
  translating(work, (e) => (e instanceof CalendarChangeError ? refusal('invalid_calendar', e.message, { errors: e.problems }) : undefined));

@SignedInApi('work-calendar', 'admin')
@Controller('work-calendar')
export class WorkCalendarController {
  constructor(private readonly calendar: WorkCalendarService) {}

  @Get()
  @ApiOperation({ summary: 'A year of the working-day calendar: holidays, 调休 working days and local rest days, and whether the year is complete' })
  @ApiOkResponse({ type: CalendarYearResponse })
  @ApiErrors(400)
  async year(@Query() q: WorkCalendarQuery): Promise<CalendarYearResponse> {
    return toYear(await this.calendar.year(q.year));
  }

  @Post('days')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add (or replace) and remove days; every open item’s reminders are planned again in the same transaction',
    description: 'kind workday must be a weekend day, local_rest a weekday. Any bad day refuses the whole change (422 lists each).',
  })
  @ApiOkResponse({ type: CalendarChangeResponse })
  @ApiErrors(400)
  @ApiError(422, 'A day that cannot be added or removed', REFUSED)
  change(@Body() body: CalendarChangeDto, @CurrentUser() user: AuthUser): Promise<CalendarChangeResponse> {
    return refusing(async () => toChange(await this.calendar.change(actorOf(user), body)));
  }

  @Put('years')
  @ApiOperation({ summary: 'Mark a year complete (its schedule is all in) or not' })
  @ApiOkResponse({ type: CalendarYearResponse })
  @ApiErrors(400)
  mark(@Body() body: CalendarYearDto, @CurrentUser() user: AuthUser): Promise<CalendarYearResponse> {
    return refusing(async () => toYear(await this.calendar.setComplete(actorOf(user), body.year, body.complete)));
  }

  @Post('notices/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Read the State Council’s holiday notice and show the days it gives; nothing is written' })
  @ApiOkResponse({ type: NoticePreviewResponse })
  @ApiErrors(400)
  @ApiError(422, 'The notice cannot be read safely (each problem named)', REFUSED)
  preview(@Body() body: NoticeDto): Promise<NoticePreviewResponse> {
    return refusing(() => toPreview(this.calendar.previewNotice(body.text, body.year)));
  }

  @Post('notices')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import the notice: the year’s holidays and 调休 working days become the notice’s, the year is complete, reminders are planned again',
    description: 'Local rest days stay. Send the same text the preview read.',
  })
  @ApiOkResponse({ type: NoticeCommitResponse })
  @ApiErrors(400)
  @ApiError(422, 'The notice cannot be read safely (each problem named)', REFUSED)
  commit(@Body() body: NoticeDto, @CurrentUser() user: AuthUser): Promise<NoticeCommitResponse> {
    return refusing(async () => {
      const r = await this.calendar.commitNotice(actorOf(user), body.text, body.year);
      return { year: r.year, ...toChange(r) };
    });
  }
}
