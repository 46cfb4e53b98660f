import { Module } from '@nestjs/common';
import { AssigneeController } from './assignee.controller';
import { AssigneeService } from './assignee.service';
import { ExtensionsService } from './extensions.service';
import { TasksController } from './tasks.controller';
import { TaskGate } from './task-gate';
import { TasksService } from './tasks.service';
import { TaskWorkflowService } from './task-workflow.service';
import { WorkbenchController } from './workbench.controller';
import { WorkbenchService } from './workbench.service';
import { LightPolicy } from './light-policy';
import { UrgeService } from './urge.service';

@Module({
  controllers: [TasksController, WorkbenchController, AssigneeController],
  providers: [LightPolicy, TaskGate, TasksService, TaskWorkflowService, ExtensionsService, WorkbenchService, AssigneeService, UrgeService],
  exports: [TaskGate, TasksService],
})
export class TasksModule {}
