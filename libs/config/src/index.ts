export * from './env.schema';
export * from './config.module';
export * from './fatal';
export * from './logger.module';
export * from './shutdown';
