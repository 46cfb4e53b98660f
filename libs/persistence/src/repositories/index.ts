import { AckLinkRepository } from './ack-link.repository';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { FileRepository } from './file.repository';
import { HandItemRepository } from './hand-item.repository';
import { IdempotencyRepository } from './idempotency.repository';
import { Journal } from './journal';
import { NotificationRepository } from './notification.repository';
import { PlanImportRepository } from './plan-import.repository';
import { PlanRepository } from './plan.repository';
import { ReminderPlanner } from './reminder-planner';
import { ReminderAdminRepository } from './reminder-admin.repository';
import { ReminderRepository } from './reminder.repository';
import { ReportRepository } from './reports';
import { SavedViewRepository } from './saved-view.repository';
import { UnitGroupRepository } from './unit-group.repository';
import { TaskActivityRepository } from './task-activity.repository';
import { TaskRepository } from './task.repository';
import { TokenRepository } from './token.repository';
import { UnitAdminRepository } from './unit-admin.repository';
import { UnitAliasRepository } from './unit-alias.repository';
import { DirectoryRepository } from './directory.repository';
import { UnitRepository } from './unit.repository';
import { UserAdminRepository } from './user-admin.repository';
import { UserRepository } from './user.repository';
import { WorkbenchRepository } from './workbench.repository';
import { WorkCalendarRepository } from './work-calendar.repository';

export * from './unit.repository';
export * from './user.repository';
export * from './journal';
export * from './plan-import.repository';
export * from './reminder-planner';
export * from './reminder.repository';
export * from './versioned';
export * from './task.repository';
export * from './task-activity.repository';
export * from './idempotency.repository';
export * from './unit-admin.repository';
export * from './user-admin.repository';
export * from './plan.repository';
export * from './reports';
export * from './task-scope';
export * from './calendar-feed.repository';
export * from './token.repository';
export * from './notification.repository';
export * from './reminder-admin.repository';
export * from './unit-alias.repository';
export * from './directory.repository';
export * from './file.repository';
export * from './ack-link.repository';
export * from './workbench.repository';
export * from './work-calendar.repository';
export * from './hand-item.repository';
export * from './saved-view.repository';
export * from './unit-group.repository';

/** Every repository is a provider of DatabaseModule: add a new one here. */
export const REPOSITORIES = [
  AckLinkRepository,
  CalendarFeedRepository,
  FileRepository,
  IdempotencyRepository,
  Journal,
  NotificationRepository,
  PlanImportRepository,
  PlanRepository,
  ReminderAdminRepository,
  ReminderPlanner,
  ReminderRepository,
  ReportRepository,
  TaskActivityRepository,
  TaskRepository,
  TokenRepository,
  UnitAdminRepository,
  UnitRepository,
  UserAdminRepository,
  UserRepository,
  UnitAliasRepository,
  DirectoryRepository,
  WorkbenchRepository,
  WorkCalendarRepository,
  HandItemRepository,
  SavedViewRepository,
  UnitGroupRepository,
];
export type { TaskHead } from './task-row';
