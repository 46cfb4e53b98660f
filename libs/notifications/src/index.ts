export * from './mailer';
export * from './webhook';
export * from './webhook-target';
export * from './signed-link';
export * from './links';
export * from './templates/reminder.template';
export * from './templates/digest.template';
