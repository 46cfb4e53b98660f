import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/current-user';
import { UuidParam } from '../common/params';
import { TransactionRunner } from '../common/transaction-runner';
import { PlanQuery, SupervisorsDto } from './plans.dto';
import { PlansService } from './plans.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly tx: TransactionRunner,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Saved plans with task counts by status and overdue' })
  list(@Query() q: PlanQuery) {
    return this.plans.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A plan: targets, task counts, supervisors' })
  get(@UuidParam('id') id: string) {
    return this.plans.get(id);
  }

  @Get(':id/supervisors')
  @Roles('supervisor')
  supervisors(@UuidParam('id') id: string) {
    return this.plans.supervisors(id);
  }

  @Put(':id/supervisors')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Replace the supervisors (督办员) of a plan; they act on all of its items' })
  setSupervisors(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: SupervisorsDto) {
    return this.tx.run((m) => this.plans.setSupervisors(m, user, id, dto));
  }
}
