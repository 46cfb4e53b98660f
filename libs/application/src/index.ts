export * from './application.module';
export * from './imports/plan-import.service';
export * from './imports/import-units';
export * from './directory/directory-import.service';
export * from './directory/directory-file';
export * from './calendar/work-calendar.service';
export * from './users/session-revoker';
