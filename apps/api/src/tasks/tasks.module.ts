import { Module } from '@nestjs/common';
import { ExtensionsService } from './extensions.service';
import { TasksController } from './tasks.controller';
import { TaskGate } from './task-gate';
import { TasksService } from './tasks.service';
import { TaskWorkflowService } from './task-workflow.service';
import { WorkbenchController } from './workbench.controller';
import { WorkbenchService } from './workbench.service';
import { LightPolicy } from './light-policy';

@Module({
  controllers: [TasksController, WorkbenchController],
  providers: [LightPolicy, TaskGate, TasksService, TaskWorkflowService, ExtensionsService, WorkbenchService],
  exports: [TaskGate],
})
export class TasksModule {}
