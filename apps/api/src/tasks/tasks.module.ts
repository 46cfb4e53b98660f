import { Module } from '@nestjs/common';
import { ExtensionsService } from './extensions.service';
import { TasksController } from './tasks.controller';
import { TaskGate } from './task-gate';
import { TasksService } from './tasks.service';
import { TaskWorkflowService } from './task-workflow.service';

@Module({
  controllers: [TasksController],
  providers: [TaskGate, TasksService, TaskWorkflowService, ExtensionsService],
  exports: [TaskGate],
})
export class TasksModule {}
