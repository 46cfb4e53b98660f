import { Module } from '@nestjs/common';
import { AckLinkController } from '../notifications/ack-link.controller';
import { AckLinkService } from '../notifications/ack-link.service';
import { NotificationsService } from '../notifications/notifications.service';
import { InboxController } from '../notifications/inbox.controller';
import { NotificationSettingsController } from '../notifications/notification-settings.controller';
import { QueueDashboardModule } from './queue-dashboard.module';
import { ReminderEnqueuer } from './reminder-enqueuer';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

@Module({
  imports: [QueueDashboardModule],
  controllers: [RemindersController, InboxController, AckLinkController, NotificationSettingsController],
  providers: [ReminderEnqueuer, RemindersService, AckLinkService, NotificationsService],
})
export class RemindersModule {}
