import { Body, ConflictException, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Acts, ApiError, ApiErrors, Lists, Reads, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser, Roles } from '../common/current-user';
import { PageQuery } from '../common/pagination';
import { ProgressCycleDoc, ReminderPolicyDoc } from './reminder-policy.dto';
import {
  FailedReminderResponse,
  ReminderPolicyResponse,
  ReminderPolicySavedResponse,
  ReminderRetryResponse,
  TaskRemindersResponse,
} from './reminders.response';
import { RemindersService, StaleVersion } from './reminders.service';
import { translating } from '../common/http-errors';

const STALE_PLAN = 'the plan was changed meanwhile; reload it';
/** The 409 of a change sent with a stale plan version (see `conflicts`). */
const PlanChanged = () =>
  ApiError(409, 'The plan was changed meanwhile: reload it (currentVersion) and send again', { statusCode: 409, message: STALE_PLAN, currentVersion: 3 });

@SignedInApi('reminders')
@ApiErrors(403)
@ApiExtraModels(ReminderPolicyDoc, ProgressCycleDoc)
@Controller()
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get('plans/:id/reminder-policy')
  @Roles('supervisor', 'leader')
  @Reads("The plan's reminder policy (the global default unless set) and progress-report cycle", ReminderPolicyResponse, [400, 404])
  getPolicy(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.reminders.getPolicy(user, id);
  }

  @Put('plans/:id/reminder-policy')
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Set the plan’s reminder policy; every open item is rescheduled in the same transaction',
    description: 'Body: {"policy": {steps, quietHours}, "version": <plan version>}. Offsets of a day or more land on working days at 09:00.',
  })
  @ApiBody({ schema: { properties: { policy: { $ref: '#/components/schemas/ReminderPolicyDoc' }, version: { type: 'integer' } } } })
  @ApiOkResponse({ type: ReminderPolicySavedResponse, description: 'The saved policy, the plan’s new version and how many items were rescheduled' })
  @ApiErrors(400, 404)
  @PlanChanged()
  putPolicy(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, unknown>) {
    return this.conflicts(() => this.reminders.putPolicy(user, id, body?.policy, body?.version));
  }

  @Put('plans/:id/progress-cycle')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Require progress reports on a cycle (weekly, monthly by day, quarterly); null turns it off' })
  @ApiBody({ schema: { properties: { progressCycle: { $ref: '#/components/schemas/ProgressCycleDoc' }, version: { type: 'integer' } } } })
  @ApiOkResponse({ type: ReminderPolicySavedResponse, description: 'The saved cycle, the plan’s new version and how many items were rescheduled' })
  @ApiErrors(400, 404)
  @PlanChanged()
  putCycle(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, unknown>) {
    return this.conflicts(() => this.reminders.putProgressCycle(user, id, body?.progressCycle ?? null, body?.version));
  }

  @Get('tasks/:id/reminders')
  @Roles('supervisor', 'leader')
  @Reads('The schedule of an item and what was sent to whom, when', TaskRemindersResponse, [400, 404])
  forTask(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.reminders.forTask(user, id);
  }

  @Get('reminders/failed')
  @Roles('supervisor', 'leader')
  @Lists('Reminders that could not be delivered after every retry', FailedReminderResponse, 'A page of failed reminders, most recent first')
  failed(@CurrentUser() user: AuthUser, @Query() q: PageQuery) {
    return this.reminders.failed(user, q);
  }

  @Post('reminders/:id/retry')
  @Roles('supervisor')
  @Acts('Send a failed reminder again', ReminderRetryResponse)
  @ApiError(400, 'Malformed id, or the reminder has not failed', { statusCode: 400, message: `reminder f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b is sent, not failed` })
  @ApiErrors(404)
  retry(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.reminders.retry(user, id);
  }

  private conflicts<T>(f: () => Promise<T>): Promise<T> {
    return translating(f, (e) =>
      e instanceof StaleVersion ? new ConflictException({ statusCode: 409, message: STALE_PLAN, currentVersion: e.currentVersion }) : undefined,
    );
  }
}
