import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { HandItemsController } from './hand-items.controller';
import { HandItemsService } from './hand-items.service';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({ imports: [TasksModule], controllers: [PlansController, HandItemsController], providers: [PlansService, HandItemsService] })
export class PlansModule {}
