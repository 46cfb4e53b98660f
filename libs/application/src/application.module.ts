import { Global, Module } from '@nestjs/common';
import { PlanImportService } from './imports/plan-import.service';
import { DirectoryImportService } from './directory/directory-import.service';
import { WorkCalendarService } from './calendar/work-calendar.service';
import { SessionRevoker } from './users/session-revoker';

/** Use cases that more than one app runs (API, CLI, worker); each app imports this module once. */
const USE_CASES = [PlanImportService, DirectoryImportService, WorkCalendarService, SessionRevoker];

@Global()
@Module({ providers: USE_CASES, exports: USE_CASES })
export class ApplicationModule {}
