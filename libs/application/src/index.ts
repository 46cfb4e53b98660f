export * from './application.module';
export * from './imports/plan-import.service';
