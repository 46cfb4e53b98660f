import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, Reads, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser } from '../common/current-user';
import { UuidParam } from '../common/params';
import { AssigneeDto } from './assignee.dto';
import { AssigneeResultResponse, UnitMemberResponse } from './assignee.response';
import { AssigneeService } from './assignee.service';

/** 分办: naming the 承办人 of a unit's part of an item. */
@SignedInApi('tasks')
@Controller()
export class AssigneeController {
  constructor(private readonly assignees: AssigneeService) {}

  @Put('tasks/:id/assignee')
  @ApiOperation({
    summary: '分办: name the 承办人 of my unit’s part (unit head, or staff where the unit allows it); null hands it back to the unit',
    description: 'Routine reminders of the part then go to that person alone; 催办 and 督办 reach the whole unit as well.',
  })
  @ApiOkResponse({ type: AssigneeResultResponse })
  @ApiErrors(400, 403, 404, 409, 422)
  assign(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: AssigneeDto) {
    return this.assignees.assign(user, id, dto);
  }

  @Get('me/unit-members')
  @Reads('The active staff and heads of my unit: who can be named 承办人', [UnitMemberResponse], [404])
  members(@CurrentUser() user: AuthUser) {
    return this.assignees.members(user);
  }
}
