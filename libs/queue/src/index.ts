export * from './redis-connection';
export * from './queue-names';
export * from './reminder-jobs';
export * from './login-lock';
export * from './ocr-jobs';
