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

@Module({
  controllers: [TasksController, WorkbenchController, AssigneeController],
  providers: [LightPolicy, TaskGate, TasksService, TaskWorkflowService, ExtensionsService, WorkbenchService, AssigneeService],
  exports: [TaskGate, TasksService],
})
export class TasksModule {}
