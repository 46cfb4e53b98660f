export * from './application.module';
export * from './imports/plan-import.service';
export * from './imports/import-units';
