import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { WORKBENCH_TABS, WorkbenchTab } from '@app/persistence';
import { ApiErrors, ApiPaginatedResponse, Reads, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser } from '../common/current-user';
import { PageQuery } from '../common/pagination';
import { UuidParam } from '../common/params';
import { DeadlineResponse, WorkbenchCountsResponse, WorkbenchItemResponse } from './workbench.response';
import { WorkbenchService } from './workbench.service';

class WorkbenchQuery extends PageQuery {
  @ApiProperty({
    enum: WORKBENCH_TABS,
    description: '待签收 to_acknowledge, 办理中 in_progress, 被退回 returned, 临期 due_soon, 超期 overdue, 分给我 mine (the caller is the named 承办人), or all',
    example: 'to_acknowledge',
  })
  @IsIn(WORKBENCH_TABS)
  tab: WorkbenchTab;
}

/** What the web app's 工作台 and item page read about the caller's own work. */
@SignedInApi('tasks')
@Controller()
export class WorkbenchController {
  constructor(private readonly workbench: WorkbenchService) {}

  @Get('me/tasks')
  @ApiOperation({
    summary: 'My unit’s items by workbench tab, soonest deadline first, with my unit’s role and part (staff and unit heads)',
    description: 'Callers without a unit (supervisors, leaders, admins) get an empty page: they use GET /tasks.',
  })
  @ApiPaginatedResponse(WorkbenchItemResponse, { description: 'A page of my unit’s items in the tab' })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() q: WorkbenchQuery) {
    return this.workbench.list(user, q.tab, q);
  }

  @Get('me/tasks/counts')
  @Reads('How many of my unit’s items each workbench tab holds', WorkbenchCountsResponse)
  counts(@CurrentUser() user: AuthUser) {
    return this.workbench.counts(user);
  }

  @Get('tasks/:id/deadline')
  @Reads('An item’s deadline with the countdown in working days (or days overdue), as the light’s words', DeadlineResponse, [400, 404])
  deadline(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.workbench.deadline(user, id);
  }
}
