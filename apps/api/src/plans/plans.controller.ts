import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiPaginatedResponse, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser, Roles } from '../common/current-user';
import { UuidParam } from '../common/params';
import { PlanQuery, SupervisorsDto } from './plans.dto';
import { PlanDetailResponse, PlanSummaryResponse, PlanSupervisorResponse, PlanSupervisorsResultResponse } from './plans.response';
import { PlansService } from './plans.service';

@SignedInApi('plans')
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @ApiOperation({ summary: 'Saved plans with task counts by status and overdue' })
  @ApiPaginatedResponse(PlanSummaryResponse, { description: 'A page of plans, newest year first' })
  @ApiErrors(400)
  list(@Query() q: PlanQuery) {
    return this.plans.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A plan: targets, task counts, supervisors' })
  @ApiOkResponse({ type: PlanDetailResponse })
  @ApiErrors(400, 404)
  get(@UuidParam('id') id: string) {
    return this.plans.get(id);
  }

  @Get(':id/supervisors')
  @Roles('supervisor')
  @ApiOperation({ summary: 'The supervisors (督办员) of a plan' })
  @ApiOkResponse({ type: [PlanSupervisorResponse] })
  @ApiErrors(400, 403, 404)
  supervisors(@UuidParam('id') id: string) {
    return this.plans.supervisors(id);
  }

  @Put(':id/supervisors')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Replace the supervisors (督办员) of a plan; they act on all of its items' })
  @ApiOkResponse({ type: PlanSupervisorsResultResponse, description: 'The plan’s new version and supervisors' })
  @ApiErrors(400, 403, 404, 409)
  setSupervisors(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: SupervisorsDto) {
    return this.plans.setSupervisors(user, id, dto);
  }
}
