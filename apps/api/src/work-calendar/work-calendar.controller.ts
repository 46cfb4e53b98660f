import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { CalendarChangeError, WorkCalendarService } from '@app/application';
import { Acts, ApiRefusal, Reads, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser } from '../common/current-user';
import { actorOf } from '../tasks/task-gate';
import { CalendarChangeDto, CalendarYearDto, NoticeDto, WorkCalendarQuery } from './work-calendar.dto';
import { CalendarChangeResponse, CalendarYearResponse, NoticeCommitResponse, NoticePreviewResponse, toChange, toPreview, toYear } from './work-calendar.response';
import { refusal, translating } from '../common/http-errors';

/** 422 naming every problem; nothing was written. */
const refusing = <T>(work: () => Promise<T> | T): Promise<T> =>
  translating(work, (e) => (e instanceof CalendarChangeError ? refusal('invalid_calendar', e.message, { errors: e.problems }) : undefined));

const EXAMPLE_PROBLEM = '春节：2027-02-06 至 2027-02-13 是 8 天，通知写“共7天”';
/** The documented 422 of `refusing`: `what` could not be taken, every problem in `errors`. */
const Refused = (what: string) => ApiRefusal(what, 'invalid_calendar', EXAMPLE_PROBLEM, { errors: [EXAMPLE_PROBLEM] });
const NOTICE_REFUSED = 'The notice cannot be read safely (each problem named)';

@SignedInApi('work-calendar', 'admin')
@Controller('work-calendar')
export class WorkCalendarController {
  constructor(private readonly calendar: WorkCalendarService) {}

  @Get()
  @Reads('A year of the working-day calendar: holidays, 调休 working days and local rest days, and whether the year is complete', CalendarYearResponse, [400])
  async year(@Query() q: WorkCalendarQuery): Promise<CalendarYearResponse> {
    return toYear(await this.calendar.year(q.year));
  }

  @Post('days')
  @Acts(
    {
      summary: 'Add (or replace) and remove days; every open item’s reminders are planned again in the same transaction',
      description: 'kind workday must be a weekend day, local_rest a weekday. Any bad day refuses the whole change (422 lists each).',
    },
    CalendarChangeResponse,
    [400],
  )
  @Refused('A day that cannot be added or removed')
  change(@Body() body: CalendarChangeDto, @CurrentUser() user: AuthUser): Promise<CalendarChangeResponse> {
    return refusing(async () => toChange(await this.calendar.change(actorOf(user), body)));
  }

  @Put('years')
  @Reads('Mark a year complete (its schedule is all in) or not', CalendarYearResponse, [400])
  mark(@Body() body: CalendarYearDto, @CurrentUser() user: AuthUser): Promise<CalendarYearResponse> {
    return refusing(async () => toYear(await this.calendar.setComplete(actorOf(user), body.year, body.complete)));
  }

  @Post('notices/preview')
  @Acts('Read the State Council’s holiday notice and show the days it gives; nothing is written', NoticePreviewResponse, [400])
  @Refused(NOTICE_REFUSED)
  preview(@Body() body: NoticeDto): Promise<NoticePreviewResponse> {
    return refusing(() => toPreview(this.calendar.previewNotice(body.text, body.year)));
  }

  @Post('notices')
  @Acts(
    {
      summary: 'Import the notice: the year’s holidays and 调休 working days become the notice’s, the year is complete, reminders are planned again',
      description: 'Local rest days stay. Send the same text the preview read.',
    },
    NoticeCommitResponse,
    [400],
  )
  @Refused(NOTICE_REFUSED)
  commit(@Body() body: NoticeDto, @CurrentUser() user: AuthUser): Promise<NoticeCommitResponse> {
    return refusing(async () => {
      const r = await this.calendar.commitNotice(actorOf(user), body.text, body.year);
      return { year: r.year, ...toChange(r) };
    });
  }
}
