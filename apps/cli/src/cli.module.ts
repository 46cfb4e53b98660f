import { Module } from '@nestjs/common';
import { AppConfigModule } from '@app/config';
import { StorageModule } from '@app/storage';
import { CliDatabase } from './cli-database.service';
import { BackupCommand, RestoreCommand } from './commands/backup.command';
import { DemoCommand } from './commands/demo.command';
import { DirectoryExportCommand, DirectoryImportCommand } from './commands/directory.command';
import { ImportCommand } from './commands/import.command';
import { MigrateCommand } from './commands/migrate.command';
import { UserCreateCommand } from './commands/user-create.command';
import { CALENDAR_COMMANDS } from './commands/calendar.command';
import { RevokeSessionsCommand } from './commands/revoke-sessions.command';
import { UnlockCommand } from './commands/unlock.command';

@Module({
  imports: [AppConfigModule, StorageModule],
  providers: [
    CliDatabase,
    MigrateCommand,
    DemoCommand,
    ImportCommand,
    UserCreateCommand,
    BackupCommand,
    RestoreCommand,
    DirectoryImportCommand,
    DirectoryExportCommand,
    RevokeSessionsCommand,
    UnlockCommand,
    ...CALENDAR_COMMANDS,
  ],
})
export class CliModule {}
