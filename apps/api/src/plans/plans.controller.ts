import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { Lists, Reads, SignedInApi } from '../common/api-docs';
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
  @Lists('Saved plans with task counts by status and overdue', PlanSummaryResponse, 'A page of plans, newest year first')
  list(@Query() q: PlanQuery) {
    return this.plans.list(q);
  }

  @Get(':id')
  @Reads('A plan: targets, task counts, supervisors', PlanDetailResponse, [400, 404])
  get(@UuidParam('id') id: string) {
    return this.plans.get(id);
  }

  @Get(':id/supervisors')
  @Roles('supervisor')
  @Reads('The supervisors (督办员) of a plan', [PlanSupervisorResponse], [400, 403, 404])
  supervisors(@UuidParam('id') id: string) {
    return this.plans.supervisors(id);
  }

  @Put(':id/supervisors')
  @Roles('supervisor')
  @Reads('Replace the supervisors (督办员) of a plan; they act on all of its items', PlanSupervisorsResultResponse, [400, 403, 404, 409], 'The plan’s new version and supervisors')
  setSupervisors(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: SupervisorsDto) {
    return this.plans.setSupervisors(user, id, dto);
  }
}
