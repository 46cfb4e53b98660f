import { Body, Controller, Delete, Headers, HttpCode, Patch, Post } from '@nestjs/common';
import { Creates, Reads, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser, Roles } from '../common/current-user';
import { ApiIdempotencyKey, Idempotency } from '../common/idempotency';
import { UuidParam } from '../common/params';
import { TaskDetailResponse } from '../tasks/dto/task.response';
import { TasksService } from '../tasks/tasks.service';
import { AssignedItemDto, CreatePlanDto, ItemEditDto, ItemInputDto, ItemRemoveDto } from './hand-items.dto';
import { ItemRemovalResponse } from './hand-items.response';
import { HandItemsService } from './hand-items.service';
import { PlanDetailResponse } from './plans.response';
import { PlansService } from './plans.service';

/** 立项 by hand and 交办件: supervisors (the plan's own, for its items) and admins. */
@SignedInApi('plans')
@Controller()
export class HandItemsController {
  constructor(
    private readonly hand: HandItemsService,
    private readonly plans: PlansService,
    private readonly tasks: TasksService,
    private readonly idempotency: Idempotency,
  ) {}

  @Post('plans')
  @Roles('supervisor')
  @Creates('立项 by hand: a plan from a 领导批示, 会议议定, 人大建议 … (the caller supervises it); items are added with POST /plans/:id/tasks', PlanDetailResponse, [400, 403, 422])
  async createPlan(@CurrentUser() user: AuthUser, @Body() dto: CreatePlanDto) {
    const plan = await this.hand.createPlan(user, dto);
    return this.plans.get(plan.id);
  }

  @Post('plans/:id/tasks')
  @Roles('supervisor')
  @Creates('Add an item to a hand-made plan: deadline as a date or in words (9月底前), steps, indicators, units by id or name', TaskDetailResponse, [400, 403, 404, 422])
  async addItem(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ItemInputDto) {
    const task = await this.hand.addItem(user, id, dto);
    return this.tasks.detail(user, task.id);
  }

  @Patch('plans/:id/tasks/:taskId')
  @Roles('supervisor')
  @Reads('Edit an item of a hand-made plan (versioned, audited; its reminders are rescheduled in the same transaction)', TaskDetailResponse, [400, 403, 404, 409, 422])
  async editItem(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @UuidParam('taskId') taskId: string, @Body() dto: ItemEditDto) {
    await this.hand.editItem(user, id, taskId, dto);
    return this.tasks.detail(user, taskId);
  }

  @Delete('plans/:id/tasks/:taskId')
  @Roles('supervisor')
  @Reads('Remove an item: deleted if nobody worked on it, otherwise cancelled (撤销) with the reason given', ItemRemovalResponse, [400, 403, 404, 409, 422])
  removeItem(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @UuidParam('taskId') taskId: string, @Body() dto: ItemRemoveDto) {
    return this.hand.removeItem(user, id, taskId, dto);
  }

  @Post('tasks')
  @Roles('supervisor')
  @HttpCode(201)
  @ApiIdempotencyKey()
  @Creates('交办件: one item with its source (领导批示 …), 文号, document and units, in one call; it is a plan of its own', TaskDetailResponse, [400, 403, 422])
  async createAssignedItem(
    @CurrentUser() user: AuthUser,
    @Body() dto: AssignedItemDto,
    @Headers('idempotency-key') key: unknown,
  ) {
    return this.idempotency.created(user.id, key, ['assigned-item', dto], async () => {
      const task = await this.hand.createAssignedItem(user, dto);
      return this.tasks.detail(user, task.id);
    });
  }
}
