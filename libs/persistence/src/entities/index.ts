import { ExtensionRequestEntity, ProgressReportEntity, ReviewEntity, CommentEntity, AuditEventEntity, DomainEventEntity, IdempotencyKeyEntity, ImportEntity } from './activity.entity';
import { FileEntity } from './file.entity';
import { PlanEntity, PlanSupervisorEntity, PlanTargetEntity } from './plan.entity';
import { NotificationEntity, ReminderEntity } from './reminder.entity';
import { AssignmentEntity, StepEntity, TaskEntity } from './task.entity';
import { DirectoryImportEntity, UnitAliasEntity, UnitEntity, UnitGroupEntity } from './unit.entity';
import { ApiTokenEntity, RefreshTokenEntity, SavedViewEntity, UserEntity } from './user.entity';

export * from './activity.entity';
export * from './file.entity';
export * from './plan.entity';
export * from './reminder.entity';
export * from './task.entity';
export * from './unit.entity';
export * from './user.entity';

/** Listed explicitly: globs break in bundled builds. */
export const ENTITIES = [
  UnitEntity, UnitGroupEntity, UserEntity, RefreshTokenEntity, ApiTokenEntity,
  PlanEntity, PlanSupervisorEntity, PlanTargetEntity, TaskEntity, StepEntity, AssignmentEntity,
  ProgressReportEntity, ExtensionRequestEntity, ReviewEntity, CommentEntity, AuditEventEntity,
  DomainEventEntity, IdempotencyKeyEntity, ImportEntity, ReminderEntity, NotificationEntity,
  UnitAliasEntity, DirectoryImportEntity,
  FileEntity, SavedViewEntity,
];
