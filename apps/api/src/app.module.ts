import { Module } from '@nestjs/common';
import { ApplicationModule } from '@app/application';
import { AppConfigModule, AppLoggerModule } from '@app/config';
import { DatabaseModule } from '@app/persistence';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { HealthModule } from './health/health.module';
import { PlansModule } from './plans/plans.module';
import { TasksModule } from './tasks/tasks.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';
import { ImportsModule } from './imports/imports.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';
import { RemindersModule } from './reminders/reminders.module';
import { ReportsModule } from './reports/reports.module';
import { CalendarModule } from './calendar/calendar.module';
import { DirectoryModule } from './directory/directory.module';
import { StorageModule } from '@app/storage';
import { FilesModule } from './files/files.module';
import { WebModule } from './web/web.module';
import { WorkCalendarModule } from './work-calendar/work-calendar.module';
import { SavedViewsModule } from './saved-views/saved-views.module';

@Module({
  imports: [AppConfigModule, AppLoggerModule, DatabaseModule, ApplicationModule, RedisModule, HealthModule, AuthModule, ImportsModule,
    CommonModule, UnitsModule, UsersModule, PlansModule, TasksModule,
    QueueModule, RemindersModule, ReportsModule, CalendarModule, DirectoryModule,
    StorageModule, FilesModule, WebModule,
    WorkCalendarModule, SavedViewsModule],
})
export class AppModule {}
