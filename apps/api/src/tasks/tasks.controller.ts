import { Body, Controller, Get, Headers, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { Acts, ApiErrors, Creates, Lists, Reads, SignedInApi } from '../common/api-docs';
import { AuthUser, CurrentUser, Roles } from '../common/current-user';
import { PageQuery } from '../common/pagination';
import { UuidParam } from '../common/params';
import { ApiIdempotencyKey, Idempotency } from '../common/idempotency';
import {
  BulkAssignDto,
  CommentDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  PatchTaskDto,
  ProgressDto,
  ReviewDto,
  StepCompleteDto,
  SubmitDto,
  TransitionDto,
  UrgeDto,
} from './dto/task-commands.dto';
import { TaskQuery } from './dto/task-query.dto';
import {
  BulkAssignResultResponse,
  CommentResponse,
  DeadlineResultResponse,
  ExtensionDecisionResultResponse,
  ExtensionResponse,
  HistoryEventResponse,
  ProgressResultResponse,
  ReviewResultResponse,
  StepResponse,
  SubmitResultResponse,
  TaskDetailResponse,
  TaskSummaryResponse,
  TransitionResultResponse,
  UrgeResultResponse,
} from './dto/task.response';
import { ExtensionsService } from './extensions.service';
import { TasksService } from './tasks.service';
import { TaskWorkflowService } from './task-workflow.service';
import { UrgeService } from './urge.service';

@SignedInApi('tasks')
@Controller()
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly workflow: TaskWorkflowService,
    private readonly extensions: ExtensionsService,
    private readonly idempotency: Idempotency,
    private readonly urges: UrgeService,
  ) {}

  @Get('tasks')
  @Lists('Items (责任事项) visible to the caller, filtered and sorted; light and overdue are derived', TaskSummaryResponse, 'A page of items')
  list(@CurrentUser() user: AuthUser, @Query() q: TaskQuery) {
    return this.tasks.list(user, q);
  }

  @Post('tasks/bulk-assign')
  @Roles('supervisor')
  @Acts('Assign one unit with one role to many items (supervisor of their plans); all or nothing', BulkAssignResultResponse, [400, 403, 404, 409], 'What changed on each item')
  bulkAssign(@CurrentUser() user: AuthUser, @Body() dto: BulkAssignDto) {
    return this.workflow.bulkAssign(user, dto);
  }

  @Post('tasks/urge')
  @Roles('supervisor')
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: '催办 now: urge the open lead and responsible units of picked items (supervisor of their plans); all or nothing',
    description:
      'One urge (催办, yellow) per item and unit, due at once: mail, inbox and the unit robot, through the reminder worker, exactly ' +
      'once per recipient and channel; recorded in each item’s history (task.urged). 422 names unknown items and items not open.',
  })
  @ApiCreatedResponse({ type: UrgeResultResponse, description: 'What was queued (a replay with the same Idempotency-Key returns the first answer)' })
  @ApiErrors(400, 403, 422)
  urge(@CurrentUser() user: AuthUser, @Body() dto: UrgeDto, @Headers('idempotency-key') key: unknown) {
    return this.idempotency.created(user.id, key, ['urge', dto], () => this.urges.urge(user, dto));
  }

  @Get('tasks/:id')
  @Reads('One item: steps, each unit’s part with its own light, latest progress, deadlines', TaskDetailResponse, [400, 404])
  detail(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.tasks.detail(user, id);
  }

  @Patch('tasks/:id')
  @Reads('Set the deadline in force (supervisor); the original deadline is kept', DeadlineResultResponse, [400, 403, 404, 409], 'The item’s deadlines and new version')
  patch(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: PatchTaskDto) {
    return this.workflow.patch(user, id, dto);
  }

  @Post('tasks/:id/progress')
  @ApiIdempotencyKey()
  @Creates('Report progress for the caller’s unit; the lead unit’s report is the item’s progress', ProgressResultResponse, [400, 403, 404, 409, 422], 'The stored report and the item after it (a replay with the same Idempotency-Key returns the first answer)')
  progress(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ProgressDto, @Headers('idempotency-key') key: unknown) {
    return this.idempotency.created(user.id, key, ['progress', id, dto], () => this.workflow.progress(user, id, dto));
  }

  @Post('tasks/:id/transitions')
  @Acts('acknowledged (签收), in_progress (start), suspended / cancelled / resume (supervisor, with reason)', TransitionResultResponse, [400, 403, 404, 409, 422], 'The item’s new status and version')
  transition(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: TransitionDto) {
    return this.workflow.transition(user, id, dto);
  }

  @Post('tasks/:id/submit')
  @Acts('The lead unit submits the consolidated report for review', SubmitResultResponse, [400, 403, 404, 409, 422])
  submit(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: SubmitDto) {
    return this.workflow.submit(user, id, dto);
  }

  @Post('tasks/:id/review')
  @Acts('Supervisor: approve (办结) or return (退回, with reason)', ReviewResultResponse, [400, 403, 404, 409, 422])
  review(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ReviewDto) {
    return this.workflow.review(user, id, dto);
  }

  @Post('tasks/:id/steps/:stepId/complete')
  @Acts('Mark a step (具体工作内容) completed', StepResponse, [400, 403, 404, 409], 'The step after completion')
  completeStep(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @UuidParam('stepId') stepId: string, @Body() dto: StepCompleteDto) {
    return this.workflow.completeStep(user, id, stepId, dto);
  }

  @Post('tasks/:id/extensions')
  @ApiIdempotencyKey()
  @Creates('Ask for a later deadline (延期申请)', ExtensionResponse, [400, 403, 404, 409, 422], 'The pending extension request')
  requestExtension(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ExtensionRequestDto, @Headers('idempotency-key') key: unknown) {
    return this.idempotency.created(user.id, key, ['extension', id, dto], () => this.extensions.request(user, id, dto));
  }

  @Get('tasks/:id/extensions')
  @Reads('Extension requests of an item, oldest first', [ExtensionResponse], [400, 404])
  listExtensions(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.extensions.list(user, id);
  }

  @Post('extensions/:id/decision')
  @Acts('Supervisor: approve (the deadline moves, the original is kept) or reject with a reason', ExtensionDecisionResultResponse, [400, 403, 404, 409], 'The decided request and the item’s deadlines')
  decideExtension(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ExtensionDecisionDto) {
    return this.extensions.decide(user, id, dto);
  }

  @Post('tasks/:id/comments')
  @ApiIdempotencyKey()
  @Creates('Comment on an item (assisting units too)', CommentResponse, [400, 403, 404, 422])
  comment(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: CommentDto, @Headers('idempotency-key') key: unknown) {
    return this.idempotency.created(user.id, key, ['comment', id, dto], () => this.tasks.addComment(user, id, dto.body, dto.fileIds));
  }

  @Get('tasks/:id/comments')
  @Lists('Comments, oldest first', CommentResponse, 'A page of comments', [400, 404])
  comments(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() q: PageQuery) {
    return this.tasks.comments(user, id, q);
  }

  @Get('tasks/:id/history')
  @Lists('The audit trail of an item, oldest first', HistoryEventResponse, 'A page of audit events', [400, 404])
  history(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() q: PageQuery) {
    return this.tasks.history(user, id, q);
  }
}
