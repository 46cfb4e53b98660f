import { Module } from '@nestjs/common';
import { WorkCalendarController } from './work-calendar.controller';

@Module({ controllers: [WorkCalendarController] })
export class WorkCalendarModule {}
